# kill: signals by name and number, to jobs and to nothing. (wait's
# stderr is dropped: whether the shell reports a job's death by a signal
# there depends on whether the job was already dead when wait began.)
kill -l | head -n 2
kill -l 9 15 2
kill -l KILL
kill -0 $$ && echo "kill -0 self ok"
sleep 10 & p=$!
kill -s STOP $p; sleep 0.2
ps -o pid,stat | awk -v p=$p '$1 == p { print "stopped:", substr($2, 1, 1) }'
kill -CONT $p; sleep 0.2
ps -o pid,stat | awk -v p=$p '$1 == p { print "continued:", substr($2, 1, 1) }'
kill -USR1 $p; wait $p 2>/dev/null; echo "USR1 status $?"
sleep 10 & p=$!; kill -9 $p; wait $p 2>/dev/null; echo "KILL status $?"
kill 99999 2>&1; echo "no such pid: $?"
kill -BOGUS $$ 2>&1; echo "bad signal: $?"
sh -c 'trap "echo handled TERM; exit 0" TERM; kill -TERM $$; sleep 1'
echo "done"
