import type { CatalogQuestion, RubricCriterion } from './catalog-question.js';

/** The reviewer's rubric, kept in the question's settings; the points add up to `max_points`. */
function rubric(criteria: RubricCriterion[]): Record<string, unknown> {
  return { rubric: criteria, max_points: criteria.reduce((sum, c) => sum + c.points, 0) };
}

/** Essay and project questions: a person scores them with the rubric in `settings`. */
export const reviewedQuestions: CatalogQuestion[] = [
  {
    slug: 'essay-design-a-url-shortener',
    type: 'essay',
    level: 'advanced',
    duration: 45,
    skills: ['system-design'],
    topics: ['architecture', 'scalability'],
    title: 'Design a URL shortener',
    pt: { title: 'Projete um encurtador de URLs' },
    es: { title: 'Diseña un acortador de URLs' },
    description: `Describe how you would build a service that turns long URLs into short links (\`https://sho.rt/Ab3x9\`) and redirects visitors.

Assume 100 million new links a month and 50 redirects for every link created. Cover:

1. How short codes are generated, and how you avoid collisions.
2. Where links are stored, and the data model.
3. How redirects stay fast under load.
4. What happens when a part of the system fails.
5. One trade-off you made and what you gave up for it.

Diagrams in text or bullet points are fine.`,
    content: {},
    settings: rubric([
      { criterion: 'Short codes', points: 3, guidance: 'A workable scheme (counter + base62, random with collision check, hashing) with its collision story.' },
      { criterion: 'Storage and data model', points: 2, guidance: 'A store that fits the read-heavy key lookup, with a sensible record (code, URL, owner, created, expiry).' },
      { criterion: 'Read path at scale', points: 2, guidance: 'Caching of hot links, redirect status (301 vs 302) and its effect on analytics, rough capacity numbers.' },
      { criterion: 'Failure handling', points: 2, guidance: 'Replication or fallbacks; what users see when the cache or the database is down.' },
      { criterion: 'Trade-offs and clarity', points: 1, guidance: 'Names a real trade-off and explains it in a way a teammate could follow.' },
    ]),
  },
  {
    slug: 'essay-explain-technical-debt',
    type: 'essay',
    level: 'intermediate',
    duration: 20,
    skills: ['communication'],
    topics: ['stakeholders'],
    title: 'Explain technical debt to a stakeholder',
    pt: { title: 'Explique dívida técnica para uma pessoa não técnica' },
    es: { title: 'Explica la deuda técnica a una persona no técnica' },
    description: `Your team wants to spend the next two weeks replacing a fragile payment integration instead of building a feature the sales director asked for.

Write the message (at most 300 words) you would send the sales director to explain the decision. They are not technical and are worried about a client deadline.`,
    content: {},
    settings: rubric([
      { criterion: 'Plain language', points: 3, guidance: 'No jargon, or jargon explained with an everyday comparison.' },
      { criterion: 'Business impact', points: 3, guidance: 'Ties the work to risk, cost or revenue the reader cares about (failed payments, incidents, slower delivery later).' },
      { criterion: 'Acknowledges the concern', points: 2, guidance: "Takes the client deadline seriously and offers options or a plan for it." },
      { criterion: 'Structure and tone', points: 2, guidance: 'Clear ask or next step, respectful, within the length.' },
    ]),
  },
  {
    slug: 'essay-review-a-pull-request',
    type: 'essay',
    level: 'intermediate',
    duration: 25,
    skills: ['communication', 'teamwork', 'javascript', 'security'],
    topics: ['code review'],
    title: 'Review a pull request',
    pt: { title: 'Revise um pull request' },
    es: { title: 'Revisa un pull request' },
    description: `A colleague opened a pull request with this Express handler. Write the review comments you would leave: what must change before merging, what could be better, and anything done well.

\`\`\`js
app.get('/users/:id/invoices', async (req, res) => {
  const rows = await db.query("SELECT * FROM invoices WHERE user_id = " + req.params.id);
  let total = 0;
  for (var i = 0; i <= rows.length; i++) total += rows[i].amount;
  res.send({ invoices: rows, total: total });
});
\`\`\``,
    content: {},
    settings: rubric([
      { criterion: 'Finds the blocking problems', points: 4, guidance: 'SQL injection through the concatenated id; the off-by-one loop (`<=`) that reads past the end; no check that the caller may see this user\'s invoices.' },
      { criterion: 'Further improvements', points: 2, guidance: 'Error handling, selecting only needed columns, paging, money as integers or decimals rather than floats.' },
      { criterion: 'Actionable suggestions', points: 2, guidance: 'Each comment says what to do (parameterized query, `<`, an authorization check), ideally with a snippet.' },
      { criterion: 'Tone', points: 2, guidance: 'Respectful and specific; separates must-fix from nice-to-have; notes what is good.' },
    ]),
  },
  {
    slug: 'project-task-list-rest-api',
    type: 'project',
    level: 'intermediate',
    duration: 240,
    skills: ['http', 'nodejs', 'testing', 'web'],
    topics: ['rest', 'api design'],
    title: 'Build a REST API for a task list',
    pt: { title: 'Construa uma API REST de lista de tarefas' },
    es: { title: 'Construye una API REST de lista de tareas' },
    description: `Build a small HTTP API for a to-do list, in the language and framework of your choice, and share it as a Git repository.

- \`POST /tasks\` creates a task (\`title\` required, \`due\` optional date); \`GET /tasks\` lists them, filterable by \`done\`; \`PATCH /tasks/:id\` updates; \`DELETE /tasks/:id\` deletes.
- Invalid input answers 400 with a message naming the field; an unknown id answers 404.
- Data may live in memory or in a database of your choice.
- Include automated tests and a README saying how to run the API and the tests.`,
    content: {
      project: {
        repository_required: true,
        instructions: 'Push your work to a public Git repository (or one shared with the reviewer) and paste its URL. Commit as you would at work: the history is read too.',
      },
    },
    settings: rubric([
      { criterion: 'Works as specified', points: 4, guidance: 'All four operations, filtering by done, correct status codes (201, 400, 404, 204 or 200).' },
      { criterion: 'Validation and errors', points: 2, guidance: 'Bad input is refused with a message naming the field; no unhandled exception reaches the client.' },
      { criterion: 'Tests', points: 2, guidance: 'Automated tests cover the main paths and at least one error case, and pass.' },
      { criterion: 'Code and repository', points: 2, guidance: 'Readable structure, a README that gets a reviewer running in minutes, meaningful commits.' },
    ]),
  },
  {
    slug: 'project-responsive-profile-page',
    type: 'project',
    level: 'beginner',
    duration: 180,
    skills: ['html', 'css', 'web'],
    topics: ['responsive design', 'accessibility'],
    title: 'Build a responsive profile page',
    pt: { title: 'Construa uma página de perfil responsiva' },
    es: { title: 'Construye una página de perfil responsiva' },
    description: `Build a one-page professional profile with HTML and CSS (no CSS framework): a header with name and role, an "About" section, a list of three projects as cards, and a contact form with name, e-mail and message.

- On screens narrower than 600px the cards stack in one column; wider, they sit side by side.
- Use semantic elements, labels tied to the form fields, and enough colour contrast.
- Share the code as a Git repository; a published page (GitHub Pages or similar) is a plus.`,
    content: {
      project: {
        repository_required: true,
        instructions: 'Paste the repository URL, and the published page URL if you have one.',
      },
    },
    settings: rubric([
      { criterion: 'Layout and responsiveness', points: 3, guidance: 'Matches the brief; the cards reflow at 600px without horizontal scrolling.' },
      { criterion: 'Semantic, accessible HTML', points: 3, guidance: 'header/main/section/article, labelled form controls, alt text, sensible heading order, readable contrast.' },
      { criterion: 'CSS quality', points: 2, guidance: 'Flexbox or grid rather than hacks, consistent spacing, no duplicated rules without reason.' },
      { criterion: 'Repository', points: 2, guidance: 'Clean structure and a short README.' },
    ]),
  },
];
