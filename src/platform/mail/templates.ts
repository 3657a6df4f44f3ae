import type { MailTemplate } from './queue-mail.js';

export type MailLanguage = 'en' | 'pt' | 'es';

/**
 * The words of one e-mail in one language. `{name}`, `{link}`, `{workspace}` and `{password}` are
 * replaced by the queued data; a paragraph whose placeholder has no value is left out.
 */
export interface TemplateText {
  subject: string;
  paragraphs: string[];
  /** The label of the button that opens `{link}`. */
  action?: string;
  /** Said after the button. */
  closing?: string[];
}

/** Said first; the second form when the data carries no name. */
export const greetings: Record<MailLanguage, [string, string]> = {
  en: ['Hi {name},', 'Hi,'],
  pt: ['Olá, {name},', 'Olá,'],
  es: ['Hola, {name}:', 'Hola:'],
};

export const signatures: Record<MailLanguage, string> = {
  en: 'The Assay team',
  pt: 'Equipe Assay',
  es: 'El equipo de Assay',
};

export const templates: Record<MailTemplate, Record<MailLanguage, TemplateText>> = {
  password_reset: {
    en: {
      subject: 'Reset your Assay password',
      paragraphs: ['We received a request to reset the password of your Assay account. The link below is valid for one hour.'],
      action: 'Reset password',
      closing: ['If you did not ask for this, ignore this e-mail: your password stays the same.'],
    },
    pt: {
      subject: 'Redefina sua senha do Assay',
      paragraphs: ['Recebemos um pedido para redefinir a senha da sua conta no Assay. O link abaixo vale por uma hora.'],
      action: 'Redefinir senha',
      closing: ['Se você não fez esse pedido, ignore este e-mail: sua senha continua a mesma.'],
    },
    es: {
      subject: 'Restablece tu contraseña de Assay',
      paragraphs: ['Recibimos una solicitud para restablecer la contraseña de tu cuenta de Assay. El enlace de abajo es válido durante una hora.'],
      action: 'Restablecer contraseña',
      closing: ['Si no lo solicitaste, ignora este correo: tu contraseña no cambia.'],
    },
  },
  account_confirmation: {
    en: {
      subject: 'Confirm your e-mail address',
      paragraphs: ['Welcome to Assay! Please confirm your e-mail address to activate your account.'],
      action: 'Confirm e-mail',
    },
    pt: {
      subject: 'Confirme seu endereço de e-mail',
      paragraphs: ['Boas-vindas ao Assay! Confirme seu endereço de e-mail para ativar sua conta.'],
      action: 'Confirmar e-mail',
    },
    es: {
      subject: 'Confirma tu dirección de correo',
      paragraphs: ['¡Te damos la bienvenida a Assay! Confirma tu dirección de correo para activar tu cuenta.'],
      action: 'Confirmar correo',
    },
  },
  workspace_invite: {
    en: {
      subject: 'You are invited to join {workspace} on Assay',
      paragraphs: ['You have been invited to join the {workspace} workspace on Assay.'],
      action: 'Accept invitation',
      closing: ['If you were not expecting this invitation, you can ignore this e-mail.'],
    },
    pt: {
      subject: 'Você foi convidado para {workspace} no Assay',
      paragraphs: ['Você recebeu um convite para participar do espaço de trabalho {workspace} no Assay.'],
      action: 'Aceitar convite',
      closing: ['Se você não esperava este convite, pode ignorar este e-mail.'],
    },
    es: {
      subject: 'Te invitaron a unirte a {workspace} en Assay',
      paragraphs: ['Recibiste una invitación para unirte al espacio de trabajo {workspace} en Assay.'],
      action: 'Aceptar invitación',
      closing: ['Si no esperabas esta invitación, puedes ignorar este correo.'],
    },
  },
  attempt_invitation: {
    en: {
      subject: '{workspace} invites you to take {assessment}',
      paragraphs: ['{workspace} invites you to take the assessment {assessment} on Assay.', 'The invitation is valid until {expires}.'],
      action: 'Open the assessment',
      closing: ['The time starts when you press start, not when you open the link.'],
    },
    pt: {
      subject: '{workspace} convida você para a avaliação {assessment}',
      paragraphs: ['{workspace} convida você para fazer a avaliação {assessment} no Assay.', 'O convite vale até {expires}.'],
      action: 'Abrir a avaliação',
      closing: ['O tempo começa a contar quando você clica em iniciar, não ao abrir o link.'],
    },
    es: {
      subject: '{workspace} te invita a la evaluación {assessment}',
      paragraphs: ['{workspace} te invita a realizar la evaluación {assessment} en Assay.', 'La invitación es válida hasta {expires}.'],
      action: 'Abrir la evaluación',
      closing: ['El tiempo empieza cuando pulsas iniciar, no al abrir el enlace.'],
    },
  },
  welcome: {
    en: {
      subject: 'Welcome to Assay',
      paragraphs: ['Your Assay account is ready.', 'You are now a member of {workspace}.'],
      action: 'Open Assay',
    },
    pt: {
      subject: 'Boas-vindas ao Assay',
      paragraphs: ['Sua conta no Assay está pronta.', 'Agora você faz parte de {workspace}.'],
      action: 'Abrir o Assay',
    },
    es: {
      subject: 'Te damos la bienvenida a Assay',
      paragraphs: ['Tu cuenta de Assay está lista.', 'Ahora eres miembro de {workspace}.'],
      action: 'Abrir Assay',
    },
  },
  // Sign-up answers the same whatever the address: these tell the mailbox's owner what happened.
  sign_up_existing_account: {
    en: {
      subject: 'Someone tried to sign up with your address',
      paragraphs: [
        'Someone (perhaps you) tried to create an Assay account with this e-mail address, which already has one. Nothing was changed.',
        'To use your account, sign in at {signin}. If you do not remember your password, or never set one, set a new one with the link below (valid for one hour).',
      ],
      action: 'Set a new password',
      closing: ['If it was not you, ignore this e-mail: your account stays as it is.'],
    },
    pt: {
      subject: 'Alguém tentou se cadastrar com o seu endereço',
      paragraphs: [
        'Alguém (talvez você) tentou criar uma conta no Assay com este endereço de e-mail, que já tem uma. Nada foi alterado.',
        'Para usar sua conta, entre em {signin}. Se você não lembra a senha, ou nunca definiu uma, crie uma nova com o link abaixo (vale por uma hora).',
      ],
      action: 'Definir nova senha',
      closing: ['Se não foi você, ignore este e-mail: sua conta continua como está.'],
    },
    es: {
      subject: 'Alguien intentó registrarse con tu dirección',
      paragraphs: [
        'Alguien (quizás tú) intentó crear una cuenta de Assay con esta dirección de correo, que ya tiene una. No se cambió nada.',
        'Para usar tu cuenta, inicia sesión en {signin}. Si no recuerdas tu contraseña, o nunca la definiste, crea una nueva con el enlace de abajo (válido durante una hora).',
      ],
      action: 'Definir nueva contraseña',
      closing: ['Si no fuiste tú, ignora este correo: tu cuenta sigue igual.'],
    },
  },
  sign_up_invite_only: {
    en: {
      subject: 'Assay accounts are by invitation',
      paragraphs: [
        'Someone (perhaps you) tried to create an Assay account with this e-mail address.',
        'On this Assay, accounts are opened by invitation only: ask the administrator of your company\'s workspace to invite you.',
      ],
      closing: ['If it was not you, ignore this e-mail: no account was created.'],
    },
    pt: {
      subject: 'Contas do Assay só por convite',
      paragraphs: [
        'Alguém (talvez você) tentou criar uma conta no Assay com este endereço de e-mail.',
        'Neste Assay, contas são abertas apenas por convite: peça ao administrador do espaço de trabalho da sua empresa que convide você.',
      ],
      closing: ['Se não foi você, ignore este e-mail: nenhuma conta foi criada.'],
    },
    es: {
      subject: 'Las cuentas de Assay son por invitación',
      paragraphs: [
        'Alguien (quizás tú) intentó crear una cuenta de Assay con esta dirección de correo.',
        'En este Assay, las cuentas se abren solo por invitación: pide al administrador del espacio de trabajo de tu empresa que te invite.',
      ],
      closing: ['Si no fuiste tú, ignora este correo: no se creó ninguna cuenta.'],
    },
  },
  generated_password: {
    en: {
      subject: 'Your Assay account and password',
      paragraphs: ['An account was created for you on Assay.', 'Your password is: {password}'],
      action: 'Sign in',
      closing: ['Please change it after your first sign-in.'],
    },
    pt: {
      subject: 'Sua conta e senha do Assay',
      paragraphs: ['Criamos uma conta para você no Assay.', 'Sua senha é: {password}'],
      action: 'Entrar',
      closing: ['Troque-a depois do primeiro acesso.'],
    },
    es: {
      subject: 'Tu cuenta y contraseña de Assay',
      paragraphs: ['Creamos una cuenta para ti en Assay.', 'Tu contraseña es: {password}'],
      action: 'Iniciar sesión',
      closing: ['Cámbiala después de tu primer inicio de sesión.'],
    },
  },
  attempt_result_candidate: {
    en: {
      subject: 'Your result: {assessment}',
      paragraphs: ['You finished the assessment {assessment}.', 'Your score: {score}%.', 'You passed. Your certificate: {link}'],
      action: 'View certificate',
    },
    pt: {
      subject: 'Seu resultado: {assessment}',
      paragraphs: ['Você concluiu a avaliação {assessment}.', 'Sua pontuação: {score}%.', 'Você foi aprovado. Seu certificado: {link}'],
      action: 'Ver certificado',
    },
    es: {
      subject: 'Tu resultado: {assessment}',
      paragraphs: ['Terminaste la evaluación {assessment}.', 'Tu puntuación: {score}%.', 'Aprobaste. Tu certificado: {link}'],
      action: 'Ver certificado',
    },
  },
  attempt_result_author: {
    en: {
      subject: '{person} finished {assessment}',
      paragraphs: ['{person} finished the assessment {assessment}.', 'Score: {score}%.'],
      action: 'Open the result',
    },
    pt: {
      subject: '{person} concluiu {assessment}',
      paragraphs: ['{person} concluiu a avaliação {assessment}.', 'Pontuação: {score}%.'],
      action: 'Abrir o resultado',
    },
    es: {
      subject: '{person} terminó {assessment}',
      paragraphs: ['{person} terminó la evaluación {assessment}.', 'Puntuación: {score}%.'],
      action: 'Abrir el resultado',
    },
  },
  attempt_reopened: {
    en: {
      subject: '{assessment}: your assessment was reopened',
      paragraphs: ['Your assessment {assessment} was reopened: you can take it again.', 'Reason: {reason}'],
      action: 'Open the assessment',
    },
    pt: {
      subject: '{assessment}: sua avaliação foi reaberta',
      paragraphs: ['Sua avaliação {assessment} foi reaberta: você pode fazê-la novamente.', 'Motivo: {reason}'],
      action: 'Abrir a avaliação',
    },
    es: {
      subject: '{assessment}: tu evaluación fue reabierta',
      paragraphs: ['Tu evaluación {assessment} fue reabierta: puedes hacerla de nuevo.', 'Motivo: {reason}'],
      action: 'Abrir la evaluación',
    },
  },
  attempt_results: {
    en: {
      subject: '{assessment}: your results',
      paragraphs: ['The results of your assessment {assessment} are ready.', 'Your score: {score}%'],
      action: 'See your results',
    },
    pt: {
      subject: '{assessment}: seus resultados',
      paragraphs: ['Os resultados da sua avaliação {assessment} estão prontos.', 'Sua pontuação: {score}%'],
      action: 'Ver seus resultados',
    },
    es: {
      subject: '{assessment}: tus resultados',
      paragraphs: ['Los resultados de tu evaluación {assessment} están listos.', 'Tu puntuación: {score}%'],
      action: 'Ver tus resultados',
    },
  },
};
