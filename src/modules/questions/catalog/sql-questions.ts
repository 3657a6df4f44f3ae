import type { CatalogQuestion, CatalogTranslation } from './catalog-question.js';
import type { QuestionLevel } from '../schema.js';

/** An online shop: customers, products, orders and their items (PostgreSQL). */
export const shopScript = `
CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT NOT NULL, country TEXT NOT NULL, signed_up DATE NOT NULL);
CREATE TABLE products (id INTEGER PRIMARY KEY, name TEXT NOT NULL, category TEXT NOT NULL, price NUMERIC(10, 2) NOT NULL);
CREATE TABLE orders (
  id INTEGER PRIMARY KEY,
  customer_id INTEGER NOT NULL REFERENCES customers (id),
  ordered_on DATE NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('paid', 'shipped', 'cancelled'))
);
CREATE TABLE order_items (
  order_id INTEGER NOT NULL REFERENCES orders (id),
  product_id INTEGER NOT NULL REFERENCES products (id),
  quantity INTEGER NOT NULL CHECK (quantity > 0),
  PRIMARY KEY (order_id, product_id)
);
INSERT INTO customers VALUES
  (1, 'Ana Souza', 'BR', '2024-11-02'), (2, 'Ben Carter', 'US', '2024-12-15'), (3, 'Chloé Martin', 'FR', '2025-01-09'),
  (4, 'Diego Ramos', 'MX', '2025-02-20'), (5, 'Emma Fischer', 'DE', '2025-03-03'), (6, 'Farah Khan', 'GB', '2025-04-18'),
  (7, 'Goro Tanaka', 'JP', '2025-05-27'), (8, 'Hana Novak', 'CZ', '2025-06-30');
INSERT INTO products VALUES
  (1, 'Mechanical keyboard', 'peripherals', 89.90), (2, 'Wireless mouse', 'peripherals', 24.50), (3, '27-inch monitor', 'displays', 249.00),
  (4, 'USB-C hub', 'accessories', 39.99), (5, 'Laptop stand', 'accessories', 45.00), (6, 'Noise-cancelling headphones', 'audio', 179.00),
  (7, 'HD webcam', 'peripherals', 59.90), (8, 'Portable speaker', 'audio', 64.00);
INSERT INTO orders VALUES
  (1, 1, '2024-12-20', 'shipped'), (2, 2, '2025-01-05', 'shipped'), (3, 1, '2025-01-22', 'paid'), (4, 3, '2025-02-14', 'shipped'),
  (5, 2, '2025-02-28', 'cancelled'), (6, 4, '2025-03-10', 'shipped'), (7, 5, '2025-03-11', 'paid'), (8, 1, '2025-04-02', 'shipped'),
  (9, 3, '2025-04-19', 'cancelled'), (10, 6, '2025-05-05', 'shipped'), (11, 2, '2025-05-30', 'paid'), (12, 4, '2025-07-07', 'shipped'),
  (13, 5, '2025-07-21', 'shipped'), (14, 6, '2025-09-12', 'paid');
INSERT INTO order_items VALUES
  (1, 1, 1), (1, 2, 2), (2, 3, 1), (3, 6, 1), (3, 4, 1), (4, 5, 2), (4, 7, 1), (5, 3, 2), (6, 8, 1), (6, 2, 1),
  (7, 1, 1), (7, 3, 1), (8, 4, 3), (9, 6, 1), (10, 6, 1), (10, 5, 1), (11, 7, 2), (11, 8, 1), (12, 3, 1), (12, 1, 1),
  (13, 2, 1), (14, 8, 2), (14, 4, 1);
`;

/** A company: departments and employees with their managers (PostgreSQL). */
export const companyScript = `
CREATE TABLE departments (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE);
CREATE TABLE employees (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  department_id INTEGER NOT NULL REFERENCES departments (id),
  manager_id INTEGER REFERENCES employees (id),
  salary INTEGER NOT NULL,
  hired_on DATE NOT NULL
);
INSERT INTO departments VALUES (1, 'Engineering'), (2, 'Sales'), (3, 'Finance'), (4, 'Legal'), (5, 'Design');
INSERT INTO employees VALUES
  (1, 'Olivia Grant', 1, NULL, 15000, '2018-03-01'), (2, 'Marcus Bell', 1, 1, 11000, '2019-06-10'),
  (3, 'Priya Nair', 1, 2, 9000, '2020-01-15'), (4, 'Tomás Silva', 1, 2, 9000, '2021-09-01'),
  (5, 'Lena Park', 1, 2, 7000, '2023-02-20'), (6, 'Sofia Russo', 2, 1, 9500, '2019-11-11'),
  (7, 'Kwame Mensah', 2, 6, 6000, '2022-04-04'), (8, 'Ines Duarte', 2, 6, 6500, '2022-08-08'),
  (9, 'Yusuf Demir', 3, 1, 8000, '2020-05-05'), (10, 'Mei Lin', 3, 9, 8000, '2021-07-07'),
  (11, 'Noah Weber', 3, 9, 5500, '2024-01-10'), (12, 'Aiko Sato', 5, 1, 7200, '2023-05-15');
`;

const shopTables = `Tables:

- \`customers(id, name, country, signed_up)\`
- \`products(id, name, category, price)\`
- \`orders(id, customer_id, ordered_on, status)\` — status is \`paid\`, \`shipped\` or \`cancelled\`
- \`order_items(order_id, product_id, quantity)\``;

const companyTables = `Tables:

- \`departments(id, name)\`
- \`employees(id, name, department_id, manager_id, salary, hired_on)\` — \`manager_id\` is another employee, NULL for the head of the company`;

interface SqlSpec {
  slug: string;
  level: QuestionLevel;
  duration: number;
  title: string;
  pt: CatalogTranslation;
  es: CatalogTranslation;
  task: string;
  script: 'shop' | 'company';
  solution: string;
  ordered?: boolean;
  topics: string[];
}

function sqlQuestion(spec: SqlSpec): CatalogQuestion {
  return {
    slug: spec.slug,
    type: 'sql',
    level: spec.level,
    duration: spec.duration,
    skills: ['sql', 'postgresql'],
    topics: spec.topics,
    title: spec.title,
    pt: spec.pt,
    es: spec.es,
    description: `${spec.task}\n\n${spec.script === 'shop' ? shopTables : companyTables}\n\nWrite one PostgreSQL \`SELECT\`.${spec.ordered ? ' The order of the rows matters.' : ' The order of the rows does not matter.'}`,
    content: { sql: { format: 'script', script: spec.script === 'shop' ? shopScript : companyScript, solution: spec.solution, ...(spec.ordered ? { ordered: true } : {}) } },
  };
}

/** The SQL questions of the starter catalog: each builds its data with a script and is judged against its solution's result. */
export const sqlQuestions: CatalogQuestion[] = [
  sqlQuestion({
    slug: 'sql-customers-without-orders',
    level: 'beginner',
    duration: 10,
    title: 'Customers who never ordered',
    pt: { title: 'Clientes que nunca fizeram pedidos' },
    es: { title: 'Clientes que nunca hicieron pedidos' },
    task: 'List the `name` of every customer who has never placed an order, whatever its status.',
    script: 'shop',
    topics: ['joins', 'subqueries'],
    solution: 'SELECT c.name FROM customers c WHERE NOT EXISTS (SELECT 1 FROM orders o WHERE o.customer_id = c.id)',
  }),
  sqlQuestion({
    slug: 'sql-revenue-per-category',
    level: 'intermediate',
    duration: 15,
    title: 'Revenue per product category',
    pt: { title: 'Receita por categoria de produto' },
    es: { title: 'Ingresos por categoría de producto' },
    task: 'For each product `category`, compute the `revenue` (quantity × price) of the orders that were not cancelled. Show `category` and `revenue`, highest revenue first.',
    script: 'shop',
    ordered: true,
    topics: ['joins', 'aggregation'],
    solution: `SELECT p.category, SUM(i.quantity * p.price) AS revenue
FROM order_items i JOIN products p ON p.id = i.product_id JOIN orders o ON o.id = i.order_id
WHERE o.status <> 'cancelled'
GROUP BY p.category
ORDER BY revenue DESC`,
  }),
  sqlQuestion({
    slug: 'sql-top-customers-by-spend',
    level: 'intermediate',
    duration: 15,
    title: 'The three best customers',
    pt: { title: 'Os três melhores clientes' },
    es: { title: 'Los tres mejores clientes' },
    task: 'Find the three customers who spent the most on orders that were not cancelled. Show `name` and `total_spent`, biggest spender first.',
    script: 'shop',
    ordered: true,
    topics: ['joins', 'aggregation', 'limit'],
    solution: `SELECT c.name, SUM(i.quantity * p.price) AS total_spent
FROM customers c JOIN orders o ON o.customer_id = c.id JOIN order_items i ON i.order_id = o.id JOIN products p ON p.id = i.product_id
WHERE o.status <> 'cancelled'
GROUP BY c.id, c.name
ORDER BY total_spent DESC
LIMIT 3`,
  }),
  sqlQuestion({
    slug: 'sql-monthly-orders',
    level: 'intermediate',
    duration: 15,
    title: 'Orders per month in 2025',
    pt: { title: 'Pedidos por mês em 2025' },
    es: { title: 'Pedidos por mes en 2025' },
    task: 'Count the orders placed in 2025 that were not cancelled, per month. Show `month` as text `YYYY-MM` and `orders`, in calendar order. Months without orders are left out.',
    script: 'shop',
    ordered: true,
    topics: ['dates', 'aggregation'],
    solution: `SELECT to_char(ordered_on, 'YYYY-MM') AS month, COUNT(*) AS orders
FROM orders
WHERE ordered_on >= DATE '2025-01-01' AND ordered_on < DATE '2026-01-01' AND status <> 'cancelled'
GROUP BY 1
ORDER BY 1`,
  }),
  sqlQuestion({
    slug: 'sql-running-total-of-sales',
    level: 'advanced',
    duration: 20,
    title: 'Running total of sales',
    pt: { title: 'Total acumulado de vendas' },
    es: { title: 'Total acumulado de ventas' },
    task: 'For each order of 2025 that was not cancelled, show its `id`, `ordered_on`, its `order_total` (quantity × price of its items) and the `running_total` of the order totals up to and including it, in date order (ties by id).',
    script: 'shop',
    ordered: true,
    topics: ['window functions'],
    solution: `WITH totals AS (
  SELECT o.id, o.ordered_on, SUM(i.quantity * p.price) AS order_total
  FROM orders o JOIN order_items i ON i.order_id = o.id JOIN products p ON p.id = i.product_id
  WHERE o.status <> 'cancelled' AND o.ordered_on >= DATE '2025-01-01' AND o.ordered_on < DATE '2026-01-01'
  GROUP BY o.id, o.ordered_on
)
SELECT id, ordered_on, order_total, SUM(order_total) OVER (ORDER BY ordered_on, id) AS running_total
FROM totals
ORDER BY ordered_on, id`,
  }),
  sqlQuestion({
    slug: 'sql-above-department-average',
    level: 'intermediate',
    duration: 15,
    title: 'Paid above their department average',
    pt: { title: 'Salário acima da média do departamento' },
    es: { title: 'Salario por encima del promedio del departamento' },
    task: "List the employees whose salary is strictly above the average salary of their own department. Show the employee's `name`, the `department` name and the `salary`.",
    script: 'company',
    topics: ['subqueries', 'aggregation'],
    solution: `SELECT e.name, d.name AS department, e.salary
FROM employees e JOIN departments d ON d.id = e.department_id
WHERE e.salary > (SELECT AVG(x.salary) FROM employees x WHERE x.department_id = e.department_id)`,
  }),
  sqlQuestion({
    slug: 'sql-second-highest-salary',
    level: 'advanced',
    duration: 20,
    title: 'Second-highest salary per department',
    pt: { title: 'Segundo maior salário por departamento' },
    es: { title: 'Segundo salario más alto por departamento' },
    task: 'For each department, find the second-highest distinct salary: when two people share the top salary, the second-highest is the next lower value. Departments with fewer than two distinct salaries are left out. Show `department` and `salary`.',
    script: 'company',
    topics: ['window functions', 'ranking'],
    solution: `SELECT department, salary FROM (
  SELECT d.name AS department, e.salary, DENSE_RANK() OVER (PARTITION BY d.id ORDER BY e.salary DESC) AS position
  FROM employees e JOIN departments d ON d.id = e.department_id
) ranked
WHERE position = 2
GROUP BY department, salary`,
  }),
  sqlQuestion({
    slug: 'sql-employees-and-managers',
    level: 'beginner',
    duration: 10,
    title: 'Employees and their managers',
    pt: { title: 'Funcionários e seus gestores' },
    es: { title: 'Empleados y sus gerentes' },
    task: "List every employee's `name` with the name of their manager as `manager` (NULL for the head of the company, who must still appear).",
    script: 'company',
    topics: ['self join', 'outer join'],
    solution: 'SELECT e.name, m.name AS manager FROM employees e LEFT JOIN employees m ON m.id = e.manager_id',
  }),
  sqlQuestion({
    slug: 'sql-headcount-per-department',
    level: 'beginner',
    duration: 10,
    title: 'Headcount per department',
    pt: { title: 'Número de pessoas por departamento' },
    es: { title: 'Número de personas por departamento' },
    task: 'Show every department `name` with its number of employees as `headcount`, departments without employees included (with 0), in alphabetical order of name.',
    script: 'company',
    ordered: true,
    topics: ['outer join', 'aggregation'],
    solution: `SELECT d.name, COUNT(e.id) AS headcount
FROM departments d LEFT JOIN employees e ON e.department_id = d.id
GROUP BY d.id, d.name
ORDER BY d.name`,
  }),
];
