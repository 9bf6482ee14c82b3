# find: names, types, depths, actions.
mkdir -p t/a/b t/c
touch t/x.txt t/a/y.txt t/a/b/z.log t/c/w.txt
ln -s ../x.txt t/c/link
chmod 755 t/a/y.txt
find t | sort
find t -name '*.txt' | sort
find t -type d | sort
find t -type l
find t -maxdepth 1 | sort
find t -mindepth 2 -type f | sort
find t -perm 755 -type f
find t -name '*.log' -exec echo found {} \;
find t -type f -name '*.txt' | xargs ls | sort
find t -empty -type d
find t -path '*/a/*' | sort
find t -newer t/x.txt -name nothing
find t -iname 'X.TXT'
