# tar and gzip: archives made, listed, extracted, compared.
mkdir -p src/sub
seq 1 1000 > src/numbers
echo small > src/sub/small
ln -s numbers src/link
tar cf a.tar src
tar tf a.tar | sort
mkdir out && tar xf a.tar -C out
diff -r src out/src && echo "tar round trip identical"
readlink out/src/link
tar czf a.tgz src
gzip -t a.tgz 2>/dev/null; echo "gzip -t $?"
tar tzf a.tgz | sort | head -n 2
mkdir out2 && tar xzf a.tgz -C out2 && diff -r src out2/src && echo "tgz round trip identical"
cp src/numbers n
gzip n; test -e n || echo "gzip replaced n by n.gz"
gunzip n.gz; md5sum n
gzip -9 -c n > n9.gz; gzip -1 -c n > n1.gz
zcat n9.gz | md5sum
gunzip -c n1.gz | cmp - n && echo "level 1 round trip"
head -c 100000 /dev/zero | gzip -c | gunzip -c | wc -c
echo garbage > bad.gz; gunzip -c bad.gz 2>&1; echo "gunzip bad: $?"
