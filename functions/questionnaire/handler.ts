import { documentClient } from '../../shared/aws/clients.ts';
import { tokenKey } from '../../shared/aws/secrets.ts';
import { runtimeConfig } from '../../shared/config/runtime.ts';
import { apiHandler, type ApiEvent, type ApiResult } from '../../shared/http/handler.ts';
import { parseBody } from '../../shared/http/request.ts';
import { htmlResponse } from '../../shared/http/response.ts';
import { openToken, postStep, resumeStep, startThroughOpenLink, type AnswerDeps, type Opened, type StepAction } from '../../shared/participation/answering.ts';
import { TOKEN_PATTERN, invitationHash } from '../../shared/participation/tokens.ts';
import { checkStep, totalSteps } from '../../shared/questionnaires/flow.ts';
import {
  formatResumeCode,
  normaliseResumeCode,
  renderClosedPage,
  renderCompletedPage,
  renderNotYetOpenPage,
  renderOpenStartPage,
  renderQuestionnaireStep,
  renderThankYouPage,
  renderUnknownLinkPage,
  resumeCodeMessage,
} from '../../shared/questionnaires/pages.ts';
import { QUESTIONNAIRE_SECTION, answerPath, openLinkPath, THANK_YOU_STEP } from '../../shared/participation/links.ts';
import { getInvitation } from '../../shared/store/participation-store.ts';

/**
 * The questionnaires, answered through a link whose token is the resume key. Every step is a GET page;
 * a posted step is saved and answered with a redirect (post, redirect, get), so Back and reload work.
 */
const redirect = (location: string): ApiResult => ({ statusCode: 303, headers: { location, 'cache-control': 'no-store' }, body: '' });

async function deps(): Promise<AnswerDeps> {
  const config = runtimeConfig();
  return { store: { doc: documentClient(), tableName: config.TABLE_NAME }, key: await tokenKey(config), now: () => new Date() };
}

/** The page for a link that cannot be answered (any more). */
function stopPage(opened: Opened): ApiResult {
  switch (opened.kind) {
    case 'closed':
      return htmlResponse(410, renderClosedPage());
    case 'not-yet-open':
      // 200, not 403: CloudFront shows its own 404 page for a 403.
      return htmlResponse(200, renderNotYetOpenPage(opened.round.opens));
    case 'completed':
      return htmlResponse(200, renderCompletedPage(opened.rq));
    default:
      return htmlResponse(404, renderUnknownLinkPage());
  }
}

async function answerRoute(event: ApiEvent, token: string, d: AnswerDeps): Promise<ApiResult> {
  const stepParam = event.pathParameters?.step;
  const method = event.requestContext.http.method;
  if (method === 'GET') {
    const opened = await openToken(d, token);
    if (stepParam === THANK_YOU_STEP && opened.kind === 'completed') return htmlResponse(200, renderThankYouPage(opened.rq, opened.round.demo));
    if (opened.kind === 'open-link') return redirect(openLinkPath(token));
    if (opened.kind !== 'answering') return stopPage(opened);
    const step = Number(stepParam);
    if (!stepParam || !Number.isInteger(step) || step < 1 || step > totalSteps(opened.rq)) return redirect(answerPath(token, resumeStep(opened.rq, opened.answers)));
    const query = new URLSearchParams(event.rawQueryString ?? '');
    return htmlResponse(
      200,
      renderQuestionnaireStep({
        rq: opened.rq,
        step,
        answers: opened.answers,
        errors: [],
        links: { action: answerPath(token, step), stepHref: (n) => answerPath(token, n) },
        fromCheck: query.get('terug') === 'controle' && step < checkStep(opened.rq),
        resumeCode: opened.invitation.linkKind === 'open' ? formatResumeCode(token) : undefined,
        demo: opened.round.demo,
      }),
    );
  }
  const form = parseBody(event, ['form']).value as URLSearchParams;
  const step = Number(stepParam);
  if (!Number.isInteger(step) || step < 1) return redirect(answerPath(token));
  const raw = form.get('actie');
  const action: StepAction = raw === 'vorige' || raw === 'versturen' ? raw : 'volgende';
  const result = await postStep(d, token, step, action, form, form.get('terug') === 'controle');
  switch (result.kind) {
    case 'go':
      return redirect(answerPath(token, result.step));
    case 'done':
    case 'already-completed':
      return redirect(answerPath(token, THANK_YOU_STEP));
    case 'gone':
      return stopPage(result.opened);
    case 'errors': {
      const opened = await openToken(d, token);
      if (opened.kind !== 'answering') return stopPage(opened);
      return htmlResponse(
        422,
        renderQuestionnaireStep({
          rq: opened.rq,
          step,
          answers: result.answers,
          errors: result.errors,
          links: { action: answerPath(token, step), stepHref: (n) => answerPath(token, n) },
          fromCheck: form.get('terug') === 'controle',
          resumeCode: opened.invitation.linkKind === 'open' ? formatResumeCode(token) : undefined,
          demo: opened.round.demo,
        }),
      );
    }
  }
}

/** A group's shared link: a start page; "Begin" starts a fresh response, a code continues one. */
async function openLinkRoute(event: ApiEvent, token: string, d: AnswerDeps): Promise<ApiResult> {
  const opened = await openToken(d, token);
  if (opened.kind !== 'open-link') return opened.kind === 'answering' ? redirect(answerPath(token)) : stopPage(opened);
  const page = (codeError?: string) =>
    renderOpenStartPage({ rq: opened.rq, startAction: openLinkPath(token), resumeAction: openLinkPath(token), codeError, demo: opened.round.demo });
  if (event.requestContext.http.method === 'POST') {
    parseBody(event, ['form']);
    return redirect(answerPath(await startThroughOpenLink(d, opened.invitation), 1));
  }
  const typed = new URLSearchParams(event.rawQueryString ?? '').get('code');
  if (typed === null) return htmlResponse(200, page());
  const code = normaliseResumeCode(typed.slice(0, 40));
  if (!code) return htmlResponse(422, page(resumeCodeMessage(opened.rq, 'format')));
  // A code continues only a response of this same round and group.
  const own = await getInvitation(d.store, invitationHash(d.key, code));
  if (!own || own.linkKind !== 'open' || own.roundId !== opened.invitation.roundId || own.group !== opened.invitation.group) {
    return htmlResponse(422, page(resumeCodeMessage(opened.rq, 'unknown')));
  }
  return redirect(answerPath(code));
}

export const handler = apiHandler(async (event) => {
  const token = event.pathParameters?.token ?? '';
  // A malformed token is no link: answer without touching the table.
  if (!TOKEN_PATTERN.test(token)) return htmlResponse(404, renderUnknownLinkPage());
  const d = await deps();
  return event.routeKey.includes('/open-vragenlijst/') ? openLinkRoute(event, token, d) : answerRoute(event, token, d);
}, QUESTIONNAIRE_SECTION);
