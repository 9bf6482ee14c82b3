# awk: floating point, strings, arrays, fields. (Debian's busybox awk has
# no math library: no sqrt, exp, sin or ^; Newton's method stands in.)
awk 'BEGIN { printf "%.6f %.6f %.10f\n", 1/3, 2/7, 22/7 - 355/113 }'
awk 'function sqrt_(x,  r, i) { r = x; for (i = 0; i < 30; i++) r = (r + x / r) / 2; return r }
     BEGIN { printf "%.12f %.12f %.6f\n", sqrt_(2), sqrt_(10), sqrt_(1e10) }'
awk 'BEGIN { print 0.1 + 0.2, 1e300 * 10, -1e300 * 10, 1e300 * 10 - 1e300 * 10 }'
awk 'BEGIN { x = 1; for (i = 0; i < 53; i++) x *= 2; print x, x + 1, x / 3 }'
awk 'BEGIN { printf "%e %g %G %.3e %.17g\n", 12345.678, 0.0001234, 1e-10, 6.02214076e23, 0.1 }'
awk 'BEGIN { print int(3.9), int(-3.9), 7 % 3, -7 % 3, 5.5 % 2, 1e6, 1e16, 123456789012 }'
awk 'BEGIN { x = "3.5abc" + 1; print x, "10" < "9", 10 < 9, 1 / 8 }'
seq 1 10 | awk '{ s += $1; ss += $1 * $1 } END { printf "n=%d sum=%d mean=%.2f var=%.4f\n", NR, s, s / NR, ss / NR - (s / NR) * (s / NR) }'
printf 'a:1\nb:2.5\na:3\nc:4\nb:5\n' | awk -F: '{ t[$1] += $2 } END { for (k in t) print k, t[k] }' | sort
echo "The quick brown fox" | awk '{ print NF, toupper($2), length($0), substr($0, 5, 5), index($0, "fox") }'
echo "a,b;c d" | awk '{ n = split($0, p, /[,; ]/); print n, p[1] p[4] }'
echo "hello world" | awk '{ gsub(/o/, "0"); sub(/^h/, "H"); print }'
awk 'BEGIN { printf "%5.2f|%-6s|%06d|%x|%o|%c\n", 3.14159, "ab", 42, 255, 8, 65 }'
awk 'function f(n) { return n <= 1 ? 1 : n * f(n - 1) } BEGIN { print f(20), f(25) }'
awk 'BEGIN { srand(1); r = rand(); print (r >= 0 && r < 1) ? "rand in [0,1)" : "bad rand" }'
echo "3 4" | awk '{ printf "%.3f %.3f\n", $1 / $2, $1 * 1.5 - $2 / 3 }'
