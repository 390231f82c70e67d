import * as z from 'zod';
import { documentClient } from '../../shared/aws/clients.ts';
import { runtimeConfig } from '../../shared/config/runtime.ts';
import { httpError } from '../../shared/http/errors.ts';
import { apiHandler } from '../../shared/http/handler.ts';
import { wantsHtml } from '../../shared/http/request.ts';
import { htmlResponse, jsonResponse } from '../../shared/http/response.ts';
import { renderResultPage, REGIOSCAN_SECTION } from '../../shared/regioscan/pages.ts';
import { getSubmission } from '../../shared/store/regioscan-store.ts';

const NOT_FOUND_MESSAGE = 'Deze uitkomst bestaat niet. Controleer of u de hele link uit de e-mail heeft gebruikt.';

/** GET /api/regioscan/uitkomst/{submissionId}: the result page behind the link in the email. */
export const handler = apiHandler(async (event) => {
  const id = z.uuid().safeParse(event.pathParameters?.submissionId);
  const record = id.success ? await getSubmission(documentClient(), runtimeConfig().TABLE_NAME, id.data) : undefined;
  if (!record) throw httpError('NOT_FOUND', [], undefined, NOT_FOUND_MESSAGE);
  if (!wantsHtml(event)) {
    const { submissionId, gemeente, rol, createdAt, scores } = record;
    return jsonResponse(200, { submissionId, gemeente, rol, createdAt, scores });
  }
  return htmlResponse(200, renderResultPage(record));
}, REGIOSCAN_SECTION);
