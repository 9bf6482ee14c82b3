# stty on the serial line: its speed, a standard rate set and read back,
# every setting shown, then the speed it had put back.
mknod ama0 c 204 64
stty -F ama0 speed
stty -F ama0 115200; echo "stty 115200: $?"
stty -F ama0 speed
stty -F ama0 ispeed 9600 ospeed 9600; echo "stty ispeed/ospeed 9600: $?"
stty -F ama0 speed
stty -F ama0 -a | head -1
stty -F ama0 38400; echo "stty 38400: $?"
stty -F ama0 speed
