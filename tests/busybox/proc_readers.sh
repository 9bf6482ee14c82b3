# /proc readers: ps, top, free, uptime, pidof; only what is deterministic.
ps | head -n 1
ps | awk '$1 == 1 { print "pid 1 is", $3, $4 }'
ps -o pid,ppid,comm | awk 'NR == 1 || $1 == 1'
sleep 5 & p=$!
# the child is "sleep" only once it has exec'd; before that ps shows the
# shell's fork, on either kernel, as the timing falls: wait for it (5 s at most)
i=0; while [ "$(cat /proc/$p/comm 2>/dev/null)" != sleep ] && [ $i -lt 100 ]; do sleep 0.05; i=$((i + 1)); done
ps | awk -v p=$p '$1 == p { print "background sleep listed:", $3, $4 }'
pidof sleep >/dev/null && echo "pidof finds sleep"
kill $p; wait $p 2>/dev/null	# ash may report "Terminated", as the timing falls
top -b -n 1 | awk '/^  PID/ { print } $1 == 1 { print "top lists pid 1:", $NF }' | sed 's/  */ /g'
top -b -n 1 | head -n 2 | sed 's/[0-9][0-9.]*/N/g; s/  */ /g'
free | sed 's/[0-9][0-9]*/N/g; s/  */ /g'
uptime | sed 's/.*load average: [0-9.]*, [0-9.]*, [0-9.]*$/load average: A, B, C/'
awk '{ print NF }' /proc/loadavg
awk '{ print $1, $2, $3 }' /proc/self/stat | sed 's/^[0-9]* /PID /'
grep -c '^MemTotal:' /proc/meminfo
sed -n 's/^\(Name\|State\|PPid\):.*/\1/p' /proc/1/status
tr '\0' ' ' < /proc/1/cmdline; echo
test -d /proc/self/fd && echo "/proc/self/fd is a directory"
ls /proc/self/fd | sort -n | head -n 3
readlink /proc/self/exe
