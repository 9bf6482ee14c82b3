# Here-documents: expanded, quoted, tab-stripped, fed to loops.
name=world
cat <<EOF2
hello $name
sum $((2 + 3))
escaped \$name
EOF2
cat <<'EOF2'
literal $name $((1 + 1))
EOF2
cat <<-EOF2
	tabs stripped
		both tabs
	EOF2
while read -r a b; do echo "$b-$a"; done <<EOF2
1 one
2 two
EOF2
wc -l <<EOF2
$(seq 1 5)
EOF2
cat <<EOF2 | tr a-z A-Z
piped heredoc
EOF2
