# timeout: commands cut short, or not.
timeout 5 true; echo "true: $?"
timeout 5 sh -c 'exit 7'; echo "exit 7: $?"
timeout 1 sleep 10; echo "sleep cut: $?"
timeout -s KILL 1 sleep 10; echo "KILL: $?"
timeout -s INT 1 sh -c 'trap "echo caught INT; exit 5" INT; while :; do sleep 0.1; done'
echo "trapped: $?"
