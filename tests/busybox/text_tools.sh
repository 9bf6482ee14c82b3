# Text tools: sed, grep, sort, cut, tr, wc, head, tail, od, printf.
printf 'b 2\na 10\nc 1\na 3\n' > t
sort t; sort -k2 -n t; sort -r t | head -n 1; sort -u -k1,1 t
cut -d' ' -f2 t | paste -s -d+ | bc
grep -n a t; grep -c a t; grep -v a t; grep -E '^(a|c) [0-9]$' t
sed -n '2,3p' t; sed 's/\([a-z]\) \([0-9]*\)/\2:\1/' t; sed '/^a/d' t
tr 'a-c' 'A-C' < t; tr -d '0-9\n' < t; echo
wc < t
head -n 2 t; tail -n 1 t; tail -c 3 t
printf 'AB\n' | od -An -tx1
printf '%s|%5s|%-5s|%d|%03d|%x|%.2f\n' str r l 42 7 255 2.5
echo "hello" | rev; echo "a	b" | expand -t 4 | od -c | head -n 1
printf 'x\ny\nx\nx\n' | uniq -c
seq 1 5 | paste - - ; seq 1 3 | tac
echo "one two three" | cut -c 5-7
basename /a/b/c.txt .txt; dirname /a/b/c.txt
expr 6 \* 7; expr length "hello"; expr "abc" : 'a\(.*\)'
echo "2^64" | bc; echo "scale=5; 22/7" | bc
printf '%s\n' "{ \"k\": 1 }" | grep -o '"k"'
