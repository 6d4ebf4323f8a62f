/*
 * api_auth.h: the handlers of accounts: the JSON API's session, tokens
 * and audit log (api_auth.c), and the login and account pages
 * (page_login.c, page_account.c) (web layer, internal to src/web).
 */
#ifndef RAPPORT_WEB_API_AUTH_H
#define RAPPORT_WEB_API_AUTH_H

#include "web/api.h"

enum result api_session_get(struct req *r, struct error *err);
enum result api_session_create(struct req *r, struct error *err);
enum result api_session_delete(struct req *r, struct error *err);
enum result api_tokens_list(struct req *r, struct error *err);
enum result api_tokens_create(struct req *r, struct error *err);
enum result api_tokens_delete(struct req *r, struct error *err);
enum result api_audit_list(struct req *r, struct error *err);

enum result page_login(struct req *r, struct error *err);
enum result page_login_post(struct req *r, struct error *err);
enum result page_logout(struct req *r, struct error *err);
enum result page_account(struct req *r, struct error *err);
enum result page_account_password(struct req *r, struct error *err);
enum result page_account_token_new(struct req *r, struct error *err);
enum result page_account_token_revoke(struct req *r, struct error *err);
enum result page_audit(struct req *r, struct error *err);

/* the buyer's links of a deal (api_links.c) and their pages
 * (page_buyer.c) */
enum result api_links_create(struct req *r, struct error *err);
enum result api_links_list(struct req *r, struct error *err);
enum result api_links_delete(struct req *r, struct error *err);
enum result page_buyer(struct req *r, struct error *err);
enum result page_buyer_guide(struct req *r, struct error *err);
enum result page_buyer_step_done(struct req *r, struct error *err);
enum result page_buyer_concern_add(struct req *r, struct error *err);
enum result page_buyer_concern_resolve(struct req *r, struct error *err);
/* Replies a refusal of auth_check() as a page: 401 goes to the login
 * page, 403 says why (page_account.c). */
enum result page_auth_refuse(struct req *r, int status, struct error *err);

#endif
