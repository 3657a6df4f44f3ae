import { codingQuestion, hidden, sample, CPP, JAVA, JS, PYTHON, TS } from '../coding-builder.js';
import { letters, source } from '../test-data.js';

function landGrid(seed: number, size: number): string {
  const cells = letters(seed, size * size, '0011100');
  return `${size} ${size}\n${Array.from({ length: size }, (_, r) => cells.slice(r * size, (r + 1) * size)).join('\n')}\n`;
}

export const islands = codingQuestion({
  slug: 'count-the-islands',
  level: 'intermediate',
  duration: 25,
  skills: ['algorithms', 'data-structures', 'javascript', 'python', 'java', 'cpp'],
  topics: ['graphs', 'flood fill'],
  title: 'Count the islands',
  pt: { title: 'Conte as ilhas' },
  es: { title: 'Cuenta las islas' },
  description: `A map is a grid of land \`1\` and water \`0\`. An island is a group of land cells connected up, down, left or right (not diagonally).

**Input**: a line with \`r\` and \`c\` (1 ≤ r, c ≤ 1 000), then \`r\` lines of \`c\` digits.

**Output**: the number of islands. Large maps can have islands of hundreds of thousands of cells: a recursive flood fill may overflow the stack.`,
  tests: [
    sample('4 5\n11000\n11000\n00100\n00011\n', '3'),
    sample('3 3\n101\n010\n101\n', '5'),
    hidden('1 1\n0\n', '0'),
    hidden('2 3\n111\n111\n', '1'),
    hidden(landGrid(71, 300), '8702'),
    hidden(`300 300\n${Array.from({ length: 300 }, () => '1'.repeat(300)).join('\n')}\n`, '1'),
  ],
  solutions: {
    [JS]: source`
const lines = require('fs').readFileSync(0, 'utf8').split('\n');
const [r, c] = lines[0].trim().split(/\s+/).map(Number);
const land = new Uint8Array(r * c);
for (let i = 0; i < r; i++) for (let j = 0; j < c; j++) land[i * c + j] = lines[1 + i][j] === '1' ? 1 : 0;
const stack = new Int32Array(r * c);
let islands = 0;
for (let start = 0; start < r * c; start++) {
  if (!land[start]) continue;
  islands++;
  land[start] = 0;
  let top = 0;
  stack[top++] = start;
  while (top > 0) {
    const cell = stack[--top];
    const i = Math.floor(cell / c);
    const j = cell % c;
    const next = [i > 0 ? cell - c : -1, i < r - 1 ? cell + c : -1, j > 0 ? cell - 1 : -1, j < c - 1 ? cell + 1 : -1];
    for (const n of next) if (n >= 0 && land[n]) { land[n] = 0; stack[top++] = n; }
  }
}
console.log(String(islands));
`,
    [TS]: source`
import { readFileSync } from 'fs';

const lines: string[] = readFileSync(0, 'utf8').split('\n');
const [r, c] = lines[0].trim().split(/\s+/).map(Number);
const land = new Uint8Array(r * c);
for (let i = 0; i < r; i++) for (let j = 0; j < c; j++) land[i * c + j] = lines[1 + i][j] === '1' ? 1 : 0;
const stack = new Int32Array(r * c);
let islands = 0;
for (let start = 0; start < r * c; start++) {
  if (!land[start]) continue;
  islands++;
  land[start] = 0;
  let top = 0;
  stack[top++] = start;
  while (top > 0) {
    const cell = stack[--top];
    const i = Math.floor(cell / c);
    const j = cell % c;
    const next = [i > 0 ? cell - c : -1, i < r - 1 ? cell + c : -1, j > 0 ? cell - 1 : -1, j < c - 1 ? cell + 1 : -1];
    for (const n of next) if (n >= 0 && land[n]) { land[n] = 0; stack[top++] = n; }
  }
}
console.log(String(islands));
`,
    [PYTHON]: source`
import sys

lines = sys.stdin.read().split('\n')
r, c = map(int, lines[0].split())
land = [list(lines[1 + i][:c]) for i in range(r)]
islands = 0
for si in range(r):
    for sj in range(c):
        if land[si][sj] != '1':
            continue
        islands += 1
        land[si][sj] = '0'
        stack = [(si, sj)]
        while stack:
            i, j = stack.pop()
            for ni, nj in ((i + 1, j), (i - 1, j), (i, j + 1), (i, j - 1)):
                if 0 <= ni < r and 0 <= nj < c and land[ni][nj] == '1':
                    land[ni][nj] = '0'
                    stack.append((ni, nj))
print(islands)
`,
    [JAVA]: source`
import java.io.*;

public class Main {
    public static void main(String[] args) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in));
        String[] size = in.readLine().trim().split("\\s+");
        int r = Integer.parseInt(size[0]), c = Integer.parseInt(size[1]);
        boolean[] land = new boolean[r * c];
        for (int i = 0; i < r; i++) {
            String line = in.readLine();
            for (int j = 0; j < c; j++) land[i * c + j] = line.charAt(j) == '1';
        }
        int[] stack = new int[r * c];
        int islands = 0;
        for (int start = 0; start < r * c; start++) {
            if (!land[start]) continue;
            islands++;
            land[start] = false;
            int top = 0;
            stack[top++] = start;
            while (top > 0) {
                int cell = stack[--top];
                int i = cell / c, j = cell % c;
                int[] next = {i > 0 ? cell - c : -1, i < r - 1 ? cell + c : -1, j > 0 ? cell - 1 : -1, j < c - 1 ? cell + 1 : -1};
                for (int n : next) {
                    if (n >= 0 && land[n]) {
                        land[n] = false;
                        stack[top++] = n;
                    }
                }
            }
        }
        System.out.println(islands);
    }
}
`,
    [CPP]: source`
#include <bits/stdc++.h>
using namespace std;

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    int r, c;
    cin >> r >> c;
    vector<string> grid(r);
    for (auto& row : grid) cin >> row;
    int islands = 0;
    vector<pair<int, int>> stack;
    for (int si = 0; si < r; si++)
        for (int sj = 0; sj < c; sj++) {
            if (grid[si][sj] != '1') continue;
            islands++;
            grid[si][sj] = '0';
            stack.push_back({si, sj});
            while (!stack.empty()) {
                auto [i, j] = stack.back();
                stack.pop_back();
                int di[] = {1, -1, 0, 0}, dj[] = {0, 0, 1, -1};
                for (int k = 0; k < 4; k++) {
                    int ni = i + di[k], nj = j + dj[k];
                    if (ni >= 0 && nj >= 0 && ni < r && nj < c && grid[ni][nj] == '1') {
                        grid[ni][nj] = '0';
                        stack.push_back({ni, nj});
                    }
                }
            }
        }
    cout << islands << "\n";
    return 0;
}
`,
  },
});
