# md5sum, sha1sum, sha256sum, sha512sum on strings and files; -c checks.
printf '' | md5sum
printf 'abc' | md5sum
printf 'abc' | sha1sum
printf 'abc' | sha256sum
printf 'abc' | sha512sum
seq 1 10000 > numbers
md5sum numbers; sha256sum numbers
head -c 1048576 /dev/zero | sha256sum
md5sum numbers > sums; md5sum -c sums
echo changed >> numbers; md5sum -c sums 2>&1; echo "check status $?"
