# Traps: EXIT, signals to the shell itself, ignored signals, subshells.
trap 'echo "exit trap ran"' EXIT
trap 'echo "got USR1"' USR1
kill -USR1 $$
echo "after USR1"
trap 'echo "got TERM"' TERM
kill -TERM $$
trap - USR1
trap '' INT
kill -INT $$
echo "INT ignored"
( trap 'echo "subshell exit"' EXIT; echo "in subshell" )
sh -c 'trap "echo child HUP" HUP; kill -HUP $$; echo child done'
sh -c 'kill -9 $$'; echo "child killed: $?"
sh -c 'kill -TERM $$'; echo "child terminated: $?"
trap
