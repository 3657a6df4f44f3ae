import type { CatalogQuestion } from './catalog-question.js';

type Disc = 'D' | 'I' | 'S' | 'C';

function softskillQuestion(spec: Omit<CatalogQuestion, 'type' | 'content' | 'level' | 'duration'> & { choices: Array<[Disc, string]> }): CatalogQuestion {
  const { choices, ...rest } = spec;
  return {
    ...rest,
    type: 'softskill',
    level: 'intermediate',
    duration: 2,
    content: {
      question: {
        multiple: false,
        shuffle_choices: true,
        choices: choices.map(([dimension, text], i) => ({ _id: String.fromCharCode(97 + i), text, dimension })),
      },
    },
  };
}

/** Behavioural scenarios: no right answer; each choice speaks for a DISC dimension and builds the candidate's profile. */
export const softskillQuestions: CatalogQuestion[] = [
  softskillQuestion({
    slug: 'disc-deadline-at-risk',
    skills: ['leadership', 'time-management'],
    title: 'A deadline at risk',
    pt: { title: 'Um prazo em risco' },
    es: { title: 'Un plazo en riesgo' },
    description: 'Two weeks before a release, it becomes clear the team will not finish everything planned. What are you most likely to do first?',
    choices: [
      ['D', 'Decide what to cut, reassign the work and tell everyone the new plan the same day.'],
      ['I', 'Get the team together, keep spirits up and brainstorm ways to still make it.'],
      ['S', 'Check in with each person, find who is overloaded and quietly take some of their work.'],
      ['C', 'Go through the plan and the estimates to find exactly where it slipped before proposing changes.'],
    ],
  }),
  softskillQuestion({
    slug: 'disc-disagreement-in-a-meeting',
    skills: ['communication', 'teamwork'],
    title: 'A disagreement in a meeting',
    pt: { title: 'Uma discordância em uma reunião' },
    es: { title: 'Un desacuerdo en una reunión' },
    description: 'In a planning meeting, a colleague proposes an approach you think is a mistake. What do you usually do?',
    choices: [
      ['D', 'Say so directly and argue for the approach I believe in.'],
      ['I', 'Share my view with enthusiasm and try to win the room over to a mix of both ideas.'],
      ['S', 'Wait to hear everyone out, then talk to the colleague privately to avoid a clash.'],
      ['C', 'Ask for the data behind the proposal and point out the specific risks I see.'],
    ],
  }),
  softskillQuestion({
    slug: 'disc-welcoming-a-new-colleague',
    skills: ['teamwork', 'communication'],
    title: 'A new colleague joins',
    pt: { title: 'Chega uma nova pessoa na equipe' },
    es: { title: 'Llega una persona nueva al equipo' },
    description: 'A new colleague joins your team this week. How do you most naturally help them?',
    choices: [
      ['D', 'Give them a real task right away: they will learn fastest by delivering something.'],
      ['I', 'Introduce them to everyone and invite them to lunch so they feel part of the group.'],
      ['S', 'Stay available, answer questions patiently and check how they are doing every day.'],
      ['C', 'Point them to the documentation and walk them through how our processes work.'],
    ],
  }),
  softskillQuestion({
    slug: 'disc-unclear-requirements',
    skills: ['problem-solving', 'adaptability'],
    title: 'Unclear requirements',
    pt: { title: 'Requisitos pouco claros' },
    es: { title: 'Requisitos poco claros' },
    description: 'You receive a task whose requirements are vague, and the person who wrote it is away for a week. What do you do?',
    choices: [
      ['D', 'Make the calls myself, build it and adjust later if needed.'],
      ['I', 'Talk to people who use the feature and gather ideas about what they expect.'],
      ['S', 'Start with the parts that are clear and keep the rest for when the author is back.'],
      ['C', 'Write down the open questions and my assumptions, and get them confirmed before building.'],
    ],
  }),
  softskillQuestion({
    slug: 'disc-sudden-change-of-priorities',
    skills: ['adaptability', 'time-management'],
    title: 'A sudden change of priorities',
    pt: { title: 'Uma mudança repentina de prioridades' },
    es: { title: 'Un cambio repentino de prioridades' },
    description: 'Halfway through your work, your manager says a different project is now the top priority. How do you react?',
    choices: [
      ['D', 'Switch at once and push to get the new project moving fast.'],
      ['I', 'See it as a fresh opportunity and get others excited about the new direction.'],
      ['S', 'Finish a sensible stopping point first, and ask how the change affects the team.'],
      ['C', 'Ask what changed and how the new priority was decided, then plan the switch carefully.'],
    ],
  }),
];
