# Permissions: modes, umask, root's bypass of r/w but not of x.
umask 022
touch f; mkdir d; stat -c '%a %A %n' f d
umask 077; touch g; mkdir e; stat -c '%a %n' g e
umask 022
chmod 000 f; echo "root writes" > f && cat f
printf '#!/bin/sh\necho script ran\n' > s.sh
chmod 644 s.sh; ./s.sh 2>&1 | sed 's/^.*: //'
chmod u+x s.sh; ./s.sh
chmod a=rx,u+w s.sh; stat -c '%a' s.sh
chmod 4755 s.sh; stat -c '%a %A' s.sh
chmod g+s,o-rx d; stat -c '%a %A' d
chmod 1777 d; stat -c '%A' d
mkdir -m 700 m; stat -c '%a' m
id -u; id -g; whoami
test -r f && test -w f && echo "root may read and write mode 000"
test -x f || echo "but not execute it"
chown 1000:1000 g; stat -c '%u %g' g
