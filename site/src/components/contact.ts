/**
 * The organisation that runs the site and its contact address, shown on the information pages
 * (privacy, toegankelijkheid, handleiding) and in the footer. Set per environment in
 * infra/environments.ts (`organisation`); shared/web/site-identity.ts reads it at build time.
 */
import { organisationFrom } from '../../../shared/web/site-identity.ts';

const organisation = organisationFrom();
export const ORGANISATION_NAME = organisation.name;
export const CONTACT_EMAIL = organisation.email;

export { MIN_GROUP_SIZE } from '../../../shared/privacy.ts';
