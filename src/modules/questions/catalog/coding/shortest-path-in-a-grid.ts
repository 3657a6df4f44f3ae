import { codingQuestion, hidden, sample, CPP, JAVA, JS, PYTHON, TS } from '../coding-builder.js';
import { letters, source } from '../test-data.js';

/** A maze of corridors joined at alternate ends: the only path walks every row. */
function serpentineGrid(size: number): string {
  const rows = Array.from({ length: size }, (_, r) => {
    if (r % 2 === 0) return '.'.repeat(size);
    const gap = r % 4 === 1 ? size - 1 : 0;
    return Array.from({ length: size }, (_, c) => (c === gap ? '.' : '#')).join('');
  });
  rows[0] = `S${rows[0].slice(1)}`;
  rows[size - 1] = `${rows[size - 1].slice(0, -1)}E`;
  return `${size} ${size}\n${rows.join('\n')}\n`;
}

function randomGrid(seed: number, size: number): string {
  const cells = letters(seed, size * size, '...#');
  const rows = Array.from({ length: size }, (_, r) => cells.slice(r * size, (r + 1) * size));
  rows[0] = `S${rows[0].slice(1)}`;
  rows[size - 1] = `${rows[size - 1].slice(0, -1)}E`;
  return `${size} ${size}\n${rows.join('\n')}\n`;
}

export const gridPath = codingQuestion({
  slug: 'shortest-path-in-a-grid',
  level: 'advanced',
  duration: 30,
  skills: ['algorithms', 'data-structures', 'javascript', 'python', 'java', 'cpp'],
  topics: ['graphs', 'breadth-first search'],
  title: 'Shortest path in a grid',
  pt: { title: 'Menor caminho em uma grade' },
  es: { title: 'Camino más corto en una cuadrícula' },
  description: `A grid has free cells \`.\`, walls \`#\`, one start \`S\` and one exit \`E\`. Each step moves up, down, left or right to a cell that is not a wall.

**Input**: a line with the number of rows \`r\` and columns \`c\` (1 ≤ r, c ≤ 1 000), then \`r\` lines of \`c\` characters.

**Output**: the fewest steps from \`S\` to \`E\`, or \`-1\` when the exit cannot be reached.`,
  tests: [
    sample('3 4\nS..#\n.#..\n...E\n', '5'),
    sample('2 2\nS#\n#E\n', '-1'),
    hidden('1 2\nSE\n', '1'),
    hidden(serpentineGrid(101), '5200'),
    hidden(randomGrid(53, 150), '298'),
  ],
  solutions: {
    [JS]: source`
const lines = require('fs').readFileSync(0, 'utf8').split('\n');
const [r, c] = lines[0].trim().split(/\s+/).map(Number);
const grid = lines.slice(1, 1 + r);
const dist = new Int32Array(r * c).fill(-1);
const queue = new Int32Array(r * c);
let head = 0;
let tail = 0;
let exit = -1;
for (let i = 0; i < r; i++) for (let j = 0; j < c; j++) {
  if (grid[i][j] === 'S') { dist[i * c + j] = 0; queue[tail++] = i * c + j; }
  if (grid[i][j] === 'E') exit = i * c + j;
}
while (head < tail) {
  const cell = queue[head++];
  const i = Math.floor(cell / c);
  const j = cell % c;
  for (const [di, dj] of [[1, 0], [-1, 0], [0, 1], [0, -1]]) {
    const ni = i + di;
    const nj = j + dj;
    if (ni < 0 || nj < 0 || ni >= r || nj >= c || grid[ni][nj] === '#' || dist[ni * c + nj] !== -1) continue;
    dist[ni * c + nj] = dist[cell] + 1;
    queue[tail++] = ni * c + nj;
  }
}
console.log(String(dist[exit]));
`,
    [TS]: source`
import { readFileSync } from 'fs';

const lines: string[] = readFileSync(0, 'utf8').split('\n');
const [r, c] = lines[0].trim().split(/\s+/).map(Number);
const grid = lines.slice(1, 1 + r);
const dist = new Int32Array(r * c).fill(-1);
const queue = new Int32Array(r * c);
let head = 0;
let tail = 0;
let exit = -1;
for (let i = 0; i < r; i++) for (let j = 0; j < c; j++) {
  if (grid[i][j] === 'S') { dist[i * c + j] = 0; queue[tail++] = i * c + j; }
  if (grid[i][j] === 'E') exit = i * c + j;
}
const moves: Array<[number, number]> = [[1, 0], [-1, 0], [0, 1], [0, -1]];
while (head < tail) {
  const cell = queue[head++];
  const i = Math.floor(cell / c);
  const j = cell % c;
  for (const [di, dj] of moves) {
    const ni = i + di;
    const nj = j + dj;
    if (ni < 0 || nj < 0 || ni >= r || nj >= c || grid[ni][nj] === '#' || dist[ni * c + nj] !== -1) continue;
    dist[ni * c + nj] = dist[cell] + 1;
    queue[tail++] = ni * c + nj;
  }
}
console.log(String(dist[exit]));
`,
    [PYTHON]: source`
import sys
from collections import deque

lines = sys.stdin.read().split('\n')
r, c = map(int, lines[0].split())
grid = lines[1:1 + r]
dist = {}
queue = deque()
exit_cell = None
for i in range(r):
    for j in range(c):
        if grid[i][j] == 'S':
            dist[(i, j)] = 0
            queue.append((i, j))
        elif grid[i][j] == 'E':
            exit_cell = (i, j)
while queue:
    i, j = queue.popleft()
    for ni, nj in ((i + 1, j), (i - 1, j), (i, j + 1), (i, j - 1)):
        if 0 <= ni < r and 0 <= nj < c and grid[ni][nj] != '#' and (ni, nj) not in dist:
            dist[(ni, nj)] = dist[(i, j)] + 1
            queue.append((ni, nj))
print(dist.get(exit_cell, -1))
`,
    [JAVA]: source`
import java.io.*;

public class Main {
    public static void main(String[] args) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in));
        String[] size = in.readLine().trim().split("\\s+");
        int r = Integer.parseInt(size[0]), c = Integer.parseInt(size[1]);
        char[][] grid = new char[r][];
        for (int i = 0; i < r; i++) grid[i] = in.readLine().toCharArray();
        int[] dist = new int[r * c];
        java.util.Arrays.fill(dist, -1);
        int[] queue = new int[r * c];
        int head = 0, tail = 0, exit = -1;
        for (int i = 0; i < r; i++) {
            for (int j = 0; j < c; j++) {
                if (grid[i][j] == 'S') { dist[i * c + j] = 0; queue[tail++] = i * c + j; }
                if (grid[i][j] == 'E') exit = i * c + j;
            }
        }
        int[][] moves = {{1, 0}, {-1, 0}, {0, 1}, {0, -1}};
        while (head < tail) {
            int cell = queue[head++];
            int i = cell / c, j = cell % c;
            for (int[] m : moves) {
                int ni = i + m[0], nj = j + m[1];
                if (ni < 0 || nj < 0 || ni >= r || nj >= c || grid[ni][nj] == '#' || dist[ni * c + nj] != -1) continue;
                dist[ni * c + nj] = dist[cell] + 1;
                queue[tail++] = ni * c + nj;
            }
        }
        System.out.println(dist[exit]);
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
    vector<int> dist(r * c, -1);
    queue<int> q;
    int exitCell = -1;
    for (int i = 0; i < r; i++)
        for (int j = 0; j < c; j++) {
            if (grid[i][j] == 'S') { dist[i * c + j] = 0; q.push(i * c + j); }
            if (grid[i][j] == 'E') exitCell = i * c + j;
        }
    int di[] = {1, -1, 0, 0}, dj[] = {0, 0, 1, -1};
    while (!q.empty()) {
        int cell = q.front();
        q.pop();
        int i = cell / c, j = cell % c;
        for (int k = 0; k < 4; k++) {
            int ni = i + di[k], nj = j + dj[k];
            if (ni < 0 || nj < 0 || ni >= r || nj >= c || grid[ni][nj] == '#' || dist[ni * c + nj] != -1) continue;
            dist[ni * c + nj] = dist[cell] + 1;
            q.push(ni * c + nj);
        }
    }
    cout << dist[exitCell] << "\n";
    return 0;
}
`,
  },
});
