# Redirections: files, appends, descriptors, /dev/null.
echo first > f.txt
echo second >> f.txt
cat < f.txt
wc -l < f.txt
ls nonexistent 2> err.txt; echo "ls status $?"
cat err.txt
ls nonexistent 2>/dev/null || echo "error hidden"
{ echo out; echo err >&2; } > both.txt 2>&1
sort both.txt
exec 3> fd3.txt
echo "via fd 3" >&3
echo "again fd 3" >&3
exec 3>&-
cat fd3.txt
exec 4< f.txt
read -r l1 <&4; read -r l2 <&4
exec 4<&-
echo "read from fd 4: $l1, $l2"
set -C
echo x > f.txt 2>/dev/null || echo "noclobber refused"
echo forced >| f.txt
set +C
cat f.txt
: > empty.txt; wc -c < empty.txt
echo data > g.txt; cat g.txt - < f.txt
echo "line" 1>&2 2>/dev/null | wc -l
cat <> g.txt
