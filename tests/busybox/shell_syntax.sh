# Shell syntax: loops, functions, case, arithmetic, quoting, expansions.
for i in 1 2 3; do printf '%s ' "for$i"; done; echo
i=0; while [ $i -lt 3 ]; do i=$((i + 1)); printf 'while%d ' $i; done; echo
until [ $i -eq 0 ]; do printf 'until%d ' $i; i=$((i - 1)); done; echo
for i in 1 2 3 4 5 6; do
	[ $i -eq 2 ] && continue
	[ $i -eq 5 ] && break
	printf 'loop%d ' $i
done; echo

fact() {
	if [ "$1" -le 1 ]; then echo 1; return; fi
	echo $(( $1 * $(fact $(( $1 - 1 ))) ))
}
echo "fact 10 = $(fact 10)"
scoped() { local v=inner; echo "in: $v"; return 7; }
v=outer; scoped; echo "status $?, out: $v"

for w in apple Banana cherry 42 ''; do
	case "$w" in
	a*) echo "$w: starts with a" ;;
	[A-Z]*) echo "$w: capital" ;;
	*[0-9]) echo "$w: ends in a digit" ;;
	'') echo "(empty)" ;;
	*) echo "$w: other" ;;
	esac
done

echo "arith: $((7 / 2)) $((7 % 3)) $((-7 / 2)) $((2 ** 10)) $((1 << 20)) $((0x1f)) $((010))"
echo "compare: $((3 > 2)) $((3 == 2)) $((5 & 3)) $((5 | 3)) $((5 ^ 3)) $((~0)) $((!0))"
x=5; : $((x += 10)); echo "x=$x ternary=$((x > 10 ? 1 : 2))"
echo "big: $((2147483647 + 1)) $((9223372036854775807))"

set -- "a b" c "d  e"
echo "count $#"
for a in "$@"; do echo "[$a]"; done
for a in $*; do echo "<$a>"; done
IFS=:; echo "joined: $*"; unset IFS
echo 'single $HOME' "double \$x=$x" `echo back` $(echo dollar)
s="path/to/file.tar.gz"
echo "${s##*/} ${s%%.*} ${s#*/} ${s%.*} ${#s} ${unset_var:-default} ${s:+set}"
unset u; echo "${u:=assigned} $u"
shift 2; echo "after shift: $# [$1]"

while getopts "ab:c" opt -a -b val -c rest; do echo "opt $opt ${OPTARG:-}"; done
[ -n "x" ] && [ -z "" ] && echo "test -n -z ok"
[ "abc" \< "abd" ] && echo "string compare ok"
test 10 -gt 9 -a 1 -eq 1 && echo "test -a ok"
{ echo grouped; echo commands; } | wc -l
(cd /; pwd); pwd | sed 's|.*/||'
f() { echo "args: $#"; }; f "" ""; f
echo done
