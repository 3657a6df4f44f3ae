import type { Translations } from './schema.js';

type Texts = Required<Translations>;
type ExampleTexts = { en: string[]; pt: string[]; es: string[] };

/** A template level in the three locales; the order in the list is the level (1 = lowest). */
export interface TemplateLevel {
  name: Texts;
  description: Texts;
  examples: ExampleTexts;
}

/** A variant Assay ships for every workspace to start from; `key` is stable (ids derive from it). */
export interface TemplateVariant {
  key: string;
  /** The taxonomy skill it refines (taxonomy.ts). */
  skill: string;
  name: Texts;
  description: Texts;
  levels: TemplateLevel[];
}

const levelNames: Texts[] = [
  { en: 'Beginner', pt: 'Iniciante', es: 'Principiante' },
  { en: 'Intermediate', pt: 'Intermediário', es: 'Intermedio' },
  { en: 'Advanced', pt: 'Avançado', es: 'Avanzado' },
  { en: 'Expert', pt: 'Especialista', es: 'Experto' },
];

/** Four levels named Beginner → Expert, each with its description and examples. */
function fourLevels(levels: Array<{ description: Texts; examples: ExampleTexts }>): TemplateLevel[] {
  return levels.map((level, i) => ({ name: levelNames[i], ...level }));
}

export const templateVariants: readonly TemplateVariant[] = [
  {
    key: 'javascript',
    skill: 'javascript',
    name: { en: 'JavaScript', pt: 'JavaScript', es: 'JavaScript' },
    description: {
      en: 'Writing, reading and debugging JavaScript for the browser and Node.js.',
      pt: 'Escrever, ler e depurar JavaScript para o navegador e o Node.js.',
      es: 'Escribir, leer y depurar JavaScript para el navegador y Node.js.',
    },
    levels: fourLevels([
      {
        description: { en: 'Knows the syntax, types and control flow.', pt: 'Conhece a sintaxe, os tipos e o controle de fluxo.', es: 'Conoce la sintaxis, los tipos y el control de flujo.' },
        examples: {
          en: ['Writes a loop over an array', 'Tells let, const and var apart'],
          pt: ['Escreve um laço sobre um array', 'Distingue let, const e var'],
          es: ['Escribe un bucle sobre un array', 'Distingue let, const y var'],
        },
      },
      {
        description: { en: 'Uses closures, promises and modules with confidence.', pt: 'Usa closures, promises e módulos com segurança.', es: 'Usa closures, promesas y módulos con soltura.' },
        examples: {
          en: ['Chains async calls with async/await', 'Explains what `this` refers to'],
          pt: ['Encadeia chamadas assíncronas com async/await', 'Explica a que `this` se refere'],
          es: ['Encadena llamadas asíncronas con async/await', 'Explica a qué se refiere `this`'],
        },
      },
      {
        description: { en: 'Understands the event loop, performance and memory.', pt: 'Entende o event loop, desempenho e memória.', es: 'Entiende el event loop, el rendimiento y la memoria.' },
        examples: {
          en: ['Finds a memory leak in a long-running process', 'Avoids blocking the event loop'],
          pt: ['Encontra um vazamento de memória num processo longo', 'Evita bloquear o event loop'],
          es: ['Encuentra una fuga de memoria en un proceso largo', 'Evita bloquear el event loop'],
        },
      },
      {
        description: { en: 'Shapes the architecture and standards of large codebases.', pt: 'Define a arquitetura e os padrões de bases de código grandes.', es: 'Define la arquitectura y los estándares de bases de código grandes.' },
        examples: {
          en: ['Designs a module system for a monorepo', 'Mentors others on language internals'],
          pt: ['Projeta a organização de módulos de um monorepo', 'Orienta outras pessoas sobre o funcionamento interno da linguagem'],
          es: ['Diseña la organización de módulos de un monorepo', 'Orienta a otras personas sobre el funcionamiento interno del lenguaje'],
        },
      },
    ]),
  },
  {
    key: 'python',
    skill: 'python',
    name: { en: 'Python', pt: 'Python', es: 'Python' },
    description: {
      en: 'Programming in Python: scripts, services and data work.',
      pt: 'Programação em Python: scripts, serviços e trabalho com dados.',
      es: 'Programación en Python: scripts, servicios y trabajo con datos.',
    },
    levels: fourLevels([
      {
        description: { en: 'Writes small scripts with the built-in types.', pt: 'Escreve scripts pequenos com os tipos nativos.', es: 'Escribe scripts pequeños con los tipos nativos.' },
        examples: {
          en: ['Reads a file and counts words', 'Uses lists and dictionaries'],
          pt: ['Lê um arquivo e conta palavras', 'Usa listas e dicionários'],
          es: ['Lee un archivo y cuenta palabras', 'Usa listas y diccionarios'],
        },
      },
      {
        description: { en: 'Structures code in modules, classes and tests.', pt: 'Organiza o código em módulos, classes e testes.', es: 'Organiza el código en módulos, clases y pruebas.' },
        examples: {
          en: ['Writes tests with pytest', 'Uses comprehensions and generators'],
          pt: ['Escreve testes com pytest', 'Usa comprehensions e geradores'],
          es: ['Escribe pruebas con pytest', 'Usa comprehensions y generadores'],
        },
      },
      {
        description: { en: 'Handles concurrency, packaging and performance.', pt: 'Lida com concorrência, empacotamento e desempenho.', es: 'Maneja concurrencia, empaquetado y rendimiento.' },
        examples: {
          en: ['Profiles and speeds up a slow function', 'Writes asyncio services'],
          pt: ['Perfila e acelera uma função lenta', 'Escreve serviços com asyncio'],
          es: ['Perfila y acelera una función lenta', 'Escribe servicios con asyncio'],
        },
      },
      {
        description: { en: 'Designs Python systems and guides teams.', pt: 'Projeta sistemas em Python e orienta equipes.', es: 'Diseña sistemas en Python y guía equipos.' },
        examples: {
          en: ['Sets typing and linting standards', 'Designs a plugin architecture'],
          pt: ['Define padrões de tipagem e lint', 'Projeta uma arquitetura de plugins'],
          es: ['Define estándares de tipado y lint', 'Diseña una arquitectura de plugins'],
        },
      },
    ]),
  },
  {
    key: 'java',
    skill: 'java',
    name: { en: 'Java', pt: 'Java', es: 'Java' },
    description: {
      en: 'Building applications on the JVM with Java.',
      pt: 'Construção de aplicações na JVM com Java.',
      es: 'Construcción de aplicaciones en la JVM con Java.',
    },
    levels: fourLevels([
      {
        description: { en: 'Writes classes, methods and basic collections.', pt: 'Escreve classes, métodos e coleções básicas.', es: 'Escribe clases, métodos y colecciones básicas.' },
        examples: {
          en: ['Uses ArrayList and HashMap', 'Handles checked exceptions'],
          pt: ['Usa ArrayList e HashMap', 'Trata exceções verificadas'],
          es: ['Usa ArrayList y HashMap', 'Maneja excepciones comprobadas'],
        },
      },
      {
        description: { en: 'Applies generics, streams and object-oriented design.', pt: 'Aplica generics, streams e design orientado a objetos.', es: 'Aplica genéricos, streams y diseño orientado a objetos.' },
        examples: {
          en: ['Filters a list with the Stream API', 'Writes unit tests with JUnit'],
          pt: ['Filtra uma lista com a Stream API', 'Escreve testes unitários com JUnit'],
          es: ['Filtra una lista con la Stream API', 'Escribe pruebas unitarias con JUnit'],
        },
      },
      {
        description: { en: 'Masters concurrency and the JVM at runtime.', pt: 'Domina concorrência e a JVM em execução.', es: 'Domina la concurrencia y la JVM en ejecución.' },
        examples: {
          en: ['Tunes garbage collection', 'Uses the java.util.concurrent package safely'],
          pt: ['Ajusta a coleta de lixo', 'Usa o pacote java.util.concurrent com segurança'],
          es: ['Ajusta la recolección de basura', 'Usa el paquete java.util.concurrent con seguridad'],
        },
      },
      {
        description: { en: 'Architects large Java systems.', pt: 'Arquiteta sistemas Java de grande porte.', es: 'Diseña la arquitectura de sistemas Java grandes.' },
        examples: {
          en: ['Splits a monolith into services', 'Reviews designs for the whole team'],
          pt: ['Divide um monolito em serviços', 'Revisa o design para toda a equipe'],
          es: ['Divide un monolito en servicios', 'Revisa diseños para todo el equipo'],
        },
      },
    ]),
  },
  {
    key: 'sql',
    skill: 'sql',
    name: { en: 'SQL', pt: 'SQL', es: 'SQL' },
    description: {
      en: 'Querying and modelling relational data with SQL.',
      pt: 'Consulta e modelagem de dados relacionais com SQL.',
      es: 'Consulta y modelado de datos relacionales con SQL.',
    },
    levels: fourLevels([
      {
        description: { en: 'Writes SELECT queries with filters and sorting.', pt: 'Escreve consultas SELECT com filtros e ordenação.', es: 'Escribe consultas SELECT con filtros y orden.' },
        examples: {
          en: ['Filters rows with WHERE', 'Sorts with ORDER BY'],
          pt: ['Filtra linhas com WHERE', 'Ordena com ORDER BY'],
          es: ['Filtra filas con WHERE', 'Ordena con ORDER BY'],
        },
      },
      {
        description: { en: 'Joins tables and aggregates results.', pt: 'Faz joins entre tabelas e agrega resultados.', es: 'Une tablas y agrega resultados.' },
        examples: {
          en: ['Combines tables with LEFT JOIN', 'Summarises with GROUP BY and HAVING'],
          pt: ['Combina tabelas com LEFT JOIN', 'Resume com GROUP BY e HAVING'],
          es: ['Combina tablas con LEFT JOIN', 'Resume con GROUP BY y HAVING'],
        },
      },
      {
        description: { en: 'Uses window functions, CTEs and indexes.', pt: 'Usa funções de janela, CTEs e índices.', es: 'Usa funciones de ventana, CTEs e índices.' },
        examples: {
          en: ['Ranks rows with ROW_NUMBER()', 'Reads a query plan'],
          pt: ['Ranqueia linhas com ROW_NUMBER()', 'Lê um plano de execução'],
          es: ['Clasifica filas con ROW_NUMBER()', 'Lee un plan de ejecución'],
        },
      },
      {
        description: { en: 'Designs schemas and tunes databases under load.', pt: 'Projeta esquemas e otimiza bancos sob carga.', es: 'Diseña esquemas y optimiza bases de datos bajo carga.' },
        examples: {
          en: ['Normalises a schema and plans its migrations', 'Resolves lock contention'],
          pt: ['Normaliza um esquema e planeja suas migrações', 'Resolve disputas de locks'],
          es: ['Normaliza un esquema y planifica sus migraciones', 'Resuelve la contención de bloqueos'],
        },
      },
    ]),
  },
  {
    key: 'communication',
    skill: 'communication',
    name: { en: 'Communication', pt: 'Comunicação', es: 'Comunicación' },
    description: {
      en: 'Sharing ideas clearly in writing and speech, and listening well.',
      pt: 'Compartilhar ideias com clareza, por escrito e oralmente, e saber ouvir.',
      es: 'Compartir ideas con claridad, por escrito y de palabra, y saber escuchar.',
    },
    levels: fourLevels([
      {
        description: { en: 'Reports own work clearly when asked.', pt: 'Relata o próprio trabalho com clareza quando solicitado.', es: 'Informa su trabajo con claridad cuando se le pide.' },
        examples: {
          en: ['Gives a clear status update', 'Asks questions when unsure'],
          pt: ['Dá uma atualização de status clara', 'Faz perguntas quando tem dúvidas'],
          es: ['Da una actualización de estado clara', 'Pregunta cuando tiene dudas'],
        },
      },
      {
        description: { en: 'Adapts the message to the audience.', pt: 'Adapta a mensagem ao público.', es: 'Adapta el mensaje a la audiencia.' },
        examples: {
          en: ['Explains a technical problem to a client', 'Writes concise documentation'],
          pt: ['Explica um problema técnico a um cliente', 'Escreve documentação concisa'],
          es: ['Explica un problema técnico a un cliente', 'Escribe documentación concisa'],
        },
      },
      {
        description: { en: 'Leads hard conversations and aligns groups.', pt: 'Conduz conversas difíceis e alinha grupos.', es: 'Conduce conversaciones difíciles y alinea grupos.' },
        examples: {
          en: ['Facilitates a meeting to a decision', 'Gives constructive feedback'],
          pt: ['Conduz uma reunião até uma decisão', 'Dá feedback construtivo'],
          es: ['Facilita una reunión hasta una decisión', 'Da retroalimentación constructiva'],
        },
      },
      {
        description: { en: 'Shapes how the organisation communicates.', pt: 'Molda a forma como a organização se comunica.', es: 'Define cómo se comunica la organización.' },
        examples: {
          en: ['Presents strategy to the whole company', 'Coaches others in communication'],
          pt: ['Apresenta a estratégia para toda a empresa', 'Orienta outras pessoas em comunicação'],
          es: ['Presenta la estrategia a toda la empresa', 'Orienta a otras personas en comunicación'],
        },
      },
    ]),
  },
  {
    key: 'teamwork',
    skill: 'teamwork',
    name: { en: 'Teamwork', pt: 'Trabalho em equipe', es: 'Trabajo en equipo' },
    description: {
      en: 'Working with others towards shared goals.',
      pt: 'Trabalhar com outras pessoas em direção a objetivos comuns.',
      es: 'Trabajar con otras personas hacia objetivos comunes.',
    },
    levels: fourLevels([
      {
        description: { en: 'Does their part and keeps commitments.', pt: 'Faz a sua parte e cumpre compromissos.', es: 'Hace su parte y cumple sus compromisos.' },
        examples: {
          en: ['Delivers assigned tasks on time', 'Shares information with the team'],
          pt: ['Entrega as tarefas atribuídas no prazo', 'Compartilha informações com a equipe'],
          es: ['Entrega las tareas asignadas a tiempo', 'Comparte información con el equipo'],
        },
      },
      {
        description: { en: 'Helps teammates and welcomes other views.', pt: 'Ajuda colegas e acolhe outros pontos de vista.', es: 'Ayuda a sus compañeros y acoge otros puntos de vista.' },
        examples: {
          en: ['Pairs with a colleague on a hard task', 'Accepts a decision they argued against'],
          pt: ['Trabalha em par com um colega numa tarefa difícil', 'Aceita uma decisão contra a qual argumentou'],
          es: ['Trabaja en pareja con un colega en una tarea difícil', 'Acepta una decisión contra la que argumentó'],
        },
      },
      {
        description: { en: 'Builds trust and resolves conflict in the team.', pt: 'Constrói confiança e resolve conflitos na equipe.', es: 'Construye confianza y resuelve conflictos en el equipo.' },
        examples: {
          en: ['Mediates a disagreement', 'Brings a new member up to speed'],
          pt: ['Media um desacordo', 'Integra rapidamente um novo membro'],
          es: ['Media en un desacuerdo', 'Integra rápidamente a un nuevo miembro'],
        },
      },
      {
        description: { en: 'Creates collaboration across teams.', pt: 'Cria colaboração entre equipes.', es: 'Crea colaboración entre equipos.' },
        examples: {
          en: ['Sets up a cross-team working group', 'Shapes team rituals that last'],
          pt: ['Organiza um grupo de trabalho entre equipes', 'Cria rituais de equipe duradouros'],
          es: ['Organiza un grupo de trabajo entre equipos', 'Crea rituales de equipo duraderos'],
        },
      },
    ]),
  },
  {
    key: 'problem-solving',
    skill: 'problem-solving',
    name: { en: 'Problem solving', pt: 'Resolução de problemas', es: 'Resolución de problemas' },
    description: {
      en: 'Understanding a problem, finding options and choosing a solution.',
      pt: 'Entender um problema, encontrar opções e escolher uma solução.',
      es: 'Entender un problema, encontrar opciones y elegir una solución.',
    },
    levels: fourLevels([
      {
        description: { en: 'Solves well-defined problems with guidance.', pt: 'Resolve problemas bem definidos com orientação.', es: 'Resuelve problemas bien definidos con orientación.' },
        examples: {
          en: ['Follows a checklist to fix an issue', 'Describes the problem before acting'],
          pt: ['Segue um checklist para corrigir um problema', 'Descreve o problema antes de agir'],
          es: ['Sigue una lista para corregir un problema', 'Describe el problema antes de actuar'],
        },
      },
      {
        description: { en: 'Breaks problems down and weighs options alone.', pt: 'Decompõe problemas e avalia opções sozinho.', es: 'Descompone problemas y evalúa opciones por sí mismo.' },
        examples: {
          en: ['Finds the root cause of a bug', 'Compares two approaches by their costs'],
          pt: ['Encontra a causa raiz de um bug', 'Compara duas abordagens pelos custos'],
          es: ['Encuentra la causa raíz de un error', 'Compara dos enfoques por sus costos'],
        },
      },
      {
        description: { en: 'Handles ambiguous problems with many unknowns.', pt: 'Lida com problemas ambíguos e com muitas incógnitas.', es: 'Maneja problemas ambiguos con muchas incógnitas.' },
        examples: {
          en: ['Frames a vague request into a plan', 'Runs experiments to reduce risk'],
          pt: ['Transforma um pedido vago num plano', 'Faz experimentos para reduzir riscos'],
          es: ['Convierte una petición vaga en un plan', 'Hace experimentos para reducir riesgos'],
        },
      },
      {
        description: { en: 'Solves problems that span the organisation.', pt: 'Resolve problemas que atravessam a organização.', es: 'Resuelve problemas que abarcan a toda la organización.' },
        examples: {
          en: ['Redesigns a failing process end to end', 'Teaches others a problem-solving method'],
          pt: ['Redesenha de ponta a ponta um processo falho', 'Ensina a outros um método de resolução de problemas'],
          es: ['Rediseña de principio a fin un proceso que falla', 'Enseña a otros un método de resolución de problemas'],
        },
      },
    ]),
  },
  {
    key: 'leadership',
    skill: 'leadership',
    name: { en: 'Leadership', pt: 'Liderança', es: 'Liderazgo' },
    description: {
      en: 'Guiding people towards goals and helping them grow.',
      pt: 'Guiar pessoas em direção a objetivos e ajudá-las a crescer.',
      es: 'Guiar a las personas hacia objetivos y ayudarlas a crecer.',
    },
    levels: fourLevels([
      {
        description: { en: 'Takes ownership of their own tasks.', pt: 'Assume a responsabilidade pelas próprias tarefas.', es: 'Asume la responsabilidad de sus propias tareas.' },
        examples: {
          en: ['Volunteers for a task nobody owns', 'Admits and fixes own mistakes'],
          pt: ['Se oferece para uma tarefa sem responsável', 'Admite e corrige os próprios erros'],
          es: ['Se ofrece para una tarea sin responsable', 'Admite y corrige sus propios errores'],
        },
      },
      {
        description: { en: 'Leads small initiatives and guides peers.', pt: 'Lidera pequenas iniciativas e orienta colegas.', es: 'Lidera pequeñas iniciativas y orienta a sus compañeros.' },
        examples: {
          en: ['Coordinates a small project', 'Mentors a junior colleague'],
          pt: ['Coordena um projeto pequeno', 'Orienta um colega júnior'],
          es: ['Coordina un proyecto pequeño', 'Orienta a un colega junior'],
        },
      },
      {
        description: { en: 'Leads a team and develops its people.', pt: 'Lidera uma equipe e desenvolve as pessoas.', es: 'Lidera un equipo y desarrolla a su gente.' },
        examples: {
          en: ['Sets team goals and tracks them', 'Runs regular one-on-ones'],
          pt: ['Define metas da equipe e as acompanha', 'Faz reuniões individuais regulares'],
          es: ['Define metas del equipo y les da seguimiento', 'Hace reuniones individuales periódicas'],
        },
      },
      {
        description: { en: 'Leads leaders and sets direction.', pt: 'Lidera líderes e define direção.', es: 'Lidera a líderes y marca el rumbo.' },
        examples: {
          en: ['Defines the strategy of a department', 'Grows new leaders'],
          pt: ['Define a estratégia de um departamento', 'Forma novos líderes'],
          es: ['Define la estrategia de un departamento', 'Forma nuevos líderes'],
        },
      },
    ]),
  },
];
