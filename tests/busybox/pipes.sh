# Pipes: pipelines of filters, exit statuses, big data, early readers.
echo "banana apple cherry apple banana apple" | tr ' ' '\n' | sort | uniq -c | sort -rn
printf 'one\ntwo\nthree\n' | while read -r line; do echo "read: $line"; done
seq 1 100000 | wc -l
seq 1 100000 | md5sum
seq 1 200000 | tail -n 2
head -c 1000000 /dev/zero | wc -c
yes pagoda | head -n 3
yes | head -c 500000 | wc -c
false | true; echo "status of false|true: $?"
true | false; echo "status of true|false: $?"
echo abc | { read x; echo "got $x"; }
seq 1 10 | grep 5 | sed 's/5/five/'
echo hello | cat | cat | cat | tr a-z A-Z
seq 3 | xargs -n 1 echo item
