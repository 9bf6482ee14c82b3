# File operations on tmpfs: mkdir, mv, cp, rm, ln, chmod, ls -l.
# (no dates, inode numbers or directory sizes: they differ between runs or kernels)
show() { ls -l "$@" | awk '{ print $1, $2, $3, $4, $5, $NF }'; }
mkdir -p a/b/c
echo hello > a/b/c/file
printf 'x%.0s' $(seq 1 5000) > a/big
cp a/b/c/file a/copy
cp -r a/b a/b2
mv a/copy a/moved
ln a/moved a/hard
ln -s moved a/soft
chmod 600 a/moved
show a/moved a/hard a/big a/b2/c/file
ls a | sort
ls -R a | grep -v '^$'
cat a/soft a/b2/c/file
stat -c '%n %s %h %F %a' a/moved a/big a/b/c/file
rm a/hard; stat -c '%n %h' a/moved
mkdir a/b/c 2>&1 | sed 's/^/error: /'
rmdir a/b 2>&1 | sed 's/^/error: /'
rm a/nonexistent 2>&1 | sed 's/^/error: /'
cat a/nonexistent 2>&1 | sed 's/^/error: /'
mv a/b a/renamed; ls a | sort
rm -r a/renamed; ls a | sort
touch new; test -f new && echo "touch made a file"
dd if=/dev/zero of=blocks bs=4096 count=3 2>/dev/null; stat -c '%s' blocks
truncate -s 100 blocks; stat -c '%s' blocks
echo appended >> blocks; tail -c 9 blocks
cmp a/moved a/b2/c/file && echo "same contents"
df /tmp | awk 'NR == 1 { print $1, $NF } NR == 2 { print $1, $NF }'
rm -rf a new blocks; ls | wc -l
