import { fillPath, ROUTES } from '../routes.ts';

/** The addresses of answering, from the route table; the token is the only thing in them. */
const answerRoute = ROUTES.find((r) => r.function === 'questionnaire' && r.method === 'GET' && r.path.endsWith('{token}/{step}'))!.path;
const resumeRoute = ROUTES.find((r) => r.function === 'questionnaire' && r.method === 'GET' && r.path.startsWith('/api/vragenlijst/') && r.path.endsWith('{token}'))!.path;
const openRoute = ROUTES.find((r) => r.function === 'questionnaire' && r.method === 'GET' && r.path.startsWith('/api/open-vragenlijst/'))!.path;
const statusRoute = ROUTES.find((r) => r.function === 'regionStatus')!.path;
const resultsRoute = ROUTES.find((r) => r.function === 'regionResults' && r.path.endsWith('{key}'))!.path;
const resultsFileRoute = ROUTES.find((r) => r.function === 'regionResults' && r.path.endsWith('{file}'))!.path;

/** The step after sending: the thank-you page. */
export const THANK_YOU_STEP = 'klaar';

/** A personal link (no step: continue where you stopped), or the address of one step. */
export const answerPath = (token: string, step?: number | typeof THANK_YOU_STEP) =>
  step === undefined ? fillPath(resumeRoute, { token }) : fillPath(answerRoute, { token, step: String(step) });
export const openLinkPath = (token: string) => fillPath(openRoute, { token });
export const regionStatusPath = (key: string) => fillPath(statusRoute, { key });

/** The downloads next to a region's results page. */
export const RESULTS_FILES = { csv: 'uitkomsten.csv', pdf: 'rapport.pdf' } as const;
export const regionResultsPath = (key: string, file?: (typeof RESULTS_FILES)[keyof typeof RESULTS_FILES]) =>
  file ? fillPath(resultsFileRoute, { key, file }) : fillPath(resultsRoute, { key });

/** Error pages of the questionnaires link to the home page; there is no questionnaire menu item. */
export const QUESTIONNAIRE_SECTION = { path: '/vragenlijst/', link: { href: '/', label: 'Naar de homepage' } } as const;
