# Long argument lists and big environments through exec.
set -- $(seq 1 5000); echo "positional: $#"
/bin/echo $(seq 1 20000) | wc -c
seq 1 30000 | xargs echo | wc -l
seq 1 30000 | xargs -n 1000 echo | wc -l
seq 1 30000 | xargs echo | tr ' ' '\n' | tail -n 1
big=$(printf '%0100000d' 0)
X=$big sh -c 'echo "env var of ${#X} bytes"'
sh -c 'echo "argument of ${#1} bytes"' sh "$big"
i=0; while [ $i -lt 300 ]; do export V$i=value$i; i=$((i + 1)); done
env | grep -c '^V[0-9]'
sh -c 'echo "$V0 $V299"'
env -i A=1 B=2 /usr/bin/env | sort
env -u HOME sh -c 'echo "HOME=${HOME-unset}"'
huge=$(printf '%0200000d' 0)
/bin/echo "$huge" "$huge" | wc -c
getconf ARG_MAX 2>/dev/null || echo "no getconf"
