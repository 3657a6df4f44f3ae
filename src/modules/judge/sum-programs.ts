// Used by the judge's tests and its benchmark (bench/judge.ts).
/** A program adding two integers from stdin, in every judge language. */
export const SUM_PROGRAMS: Record<number, string> = {
  63: 'const [a, b] = require("fs").readFileSync(0, "utf8").trim().split(/\\s+/).map(Number); console.log(a + b);',
  74: 'const [a, b]: number[] = require("fs").readFileSync(0, "utf8").trim().split(/\\s+/).map(Number); console.log(a + b);',
  71: 'a, b = map(int, input().split())\nprint(a + b)',
  62: 'import java.util.*;\npublic class Main { public static void main(String[] x) { Scanner s = new Scanner(System.in); System.out.println(s.nextLong() + s.nextLong()); } }',
  50: '#include <stdio.h>\nint main(void) { long a, b; scanf("%ld %ld", &a, &b); printf("%ld\\n", a + b); return 0; }',
  54: '#include <iostream>\nint main() { long a, b; std::cin >> a >> b; std::cout << a + b << "\\n"; }',
  73: 'use std::io::*;\nfn main() { let mut s = String::new(); stdin().read_to_string(&mut s).unwrap(); let v: Vec<i64> = s.split_whitespace().map(|x| x.parse().unwrap()).collect(); println!("{}", v[0] + v[1]); }',
  60: 'package main\nimport "fmt"\nfunc main() { var a, b int; fmt.Scan(&a, &b); fmt.Println(a + b) }',
  72: 'a, b = gets.split.map(&:to_i)\nputs a + b',
  68: '<?php [$a, $b] = array_map("intval", preg_split("/\\s+/", trim(stream_get_contents(STDIN)))); echo $a + $b, "\\n";',
};
