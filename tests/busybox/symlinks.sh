# Symbolic links: reading, following, dangling, loops, replacing.
mkdir -p dir/sub
echo target > dir/sub/file
ln -s dir/sub/file abs_rel
ln -s sub dir/link
ln -s /tmp/symlinks/dir linkdir
readlink abs_rel; readlink dir/link
readlink -f abs_rel | sed 's|.*/tmp/|/tmp/|'
cat abs_rel dir/link/file linkdir/sub/file
ls linkdir/ | sort
ln -s nowhere dangling
test -L dangling && echo "dangling is a link"
test -e dangling || echo "dangling target missing"
cat dangling 2>&1
ln -s loop1 loop2; ln -s loop2 loop1
cat loop1 2>&1
ln -sf dir/sub/file dangling; cat dangling
stat -c '%N' abs_rel
stat -L -c '%F %s' abs_rel; stat -c '%F' abs_rel
cd linkdir/sub && pwd && pwd -P | sed 's|.*/tmp/|/tmp/|'; cd /tmp/symlinks
ln -s dir/sub/file rel2; rm rel2; test -f dir/sub/file && echo "rm removed only the link"
find . -type l | sort
