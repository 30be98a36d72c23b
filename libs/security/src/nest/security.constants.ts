export const SECURITY_OPTIONS = Symbol('SECURITY_OPTIONS');
export const PUBLIC_ROUTE = 'technopark:public-route';
export const ROUTE_ROLES = 'technopark:route-roles';
export const PARTNER_WRITES = 'technopark:partner-writes';
export const SITE_ROUTE_PARAM = 'technopark:site-route-param';
/** Name of the bearer scheme in the OpenAPI document. */
export const BEARER_SCHEME = 'bearer';
