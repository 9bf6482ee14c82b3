# Background jobs and wait. (wait's stderr is dropped where a job dies by
# a signal: whether the shell reports it depends on timing.)
sleep 0.3 &
p=$!
wait $p; echo "wait sleep: $?"
(exit 3) &
wait $!; echo "wait exit 3: $?"
( sleep 0.2; echo second > b.txt ) &
( echo first > a.txt ) &
wait
cat a.txt b.txt
sleep 10 &
p=$!
kill $p
wait $p 2>/dev/null; echo "killed job: $?"
for i in 1 2 3 4 5; do (sleep 0.$i; echo "job $i" > job$i.txt) & done
wait
cat job*.txt
sh -c 'exit 42' &
wait $!; echo "status 42: $?"
echo "no jobs left: $(jobs | wc -l)"
