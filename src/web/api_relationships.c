/*
 * api_relationships.c: relationships between people and their types,
 * /api/v1/relationships, /api/v1/people/{id}/relationships and
 * /api/v1/relationship-types (web layer).
 *
 * A relationship reads "from_id is <label> to_id"; a person's list shows
 * each one from that person's side, with both labels, so "Ana: manager of
 * Ben" and "Ben: reports to Ana" come from one record. A type may be named
 * by its name ("manager") or its id.
 */
#include "web/api.h"

#include <string.h>

#include "codec/codec.h"
#include "core/validate.h"
#include "store/store.h"

/* Fills rel->type_id from rel->type_name when only the name was given. */
static enum result api_relationships_type(struct req *r,
					  struct relationship *rel,
					  struct error *err)
{
	if (!rel->type_name)
		return R_OK;
	struct relationship_type *types = NULL;
	size_t n = 0;
	enum result res = store_reltype_list(r->store, r->arena, &types, &n,
					     err);
	if (res != R_OK)
		return res;
	for (size_t i = 0; i < n; i++) {
		if (strcmp(types[i].name, rel->type_name) != 0)
			continue;
		if (rel->type_id && rel->type_id != types[i].id)
			return error_set(err, R_INVALID, "type_id",
					 "type_id: %lld is not the type named "
					 "\"%s\" (give one of the two)",
					 (long long)rel->type_id,
					 rel->type_name);
		rel->type_id = types[i].id;
		return R_OK;
	}
	return error_set(err, R_INVALID, "type",
			 "type: there is no relationship type \"%.64s\" (see "
			 "GET /api/v1/relationship-types)",
			 rel->type_name);
}

enum result api_relationships_create(struct req *r, struct error *err)
{
	struct relationship rel = {0};
	enum result res = api_syntax(
		r, codec_relationship_from_json(api_body(r), r->arena, &rel,
						false, err));
	if (res == R_OK)
		res = api_relationships_type(r, &rel, err);
	if (res == R_OK)
		res = validate_relationship(&rel, err);
	if (res == R_OK)
		res = store_relationship_create(r->store, &rel, err);
	if (res == R_OK)
		res = store_relationship_get(r->store, r->arena, rel.id, &rel,
					     err);
	if (res != R_OK)
		return res;
	api_reply_created(r, codec_relationship(&rel),
			  "/api/v1/relationships/%lld", (long long)rel.id);
	return R_OK;
}

enum result api_relationships_get(struct req *r, struct error *err)
{
	int64_t id;
	struct relationship rel;
	enum result res = api_param_id(r, 0, &id, err);
	if (res == R_OK)
		res = store_relationship_get(r->store, r->arena, id, &rel, err);
	if (res == R_OK)
		api_reply_json(r, 200, codec_relationship(&rel));
	return res;
}

enum result api_relationships_delete(struct req *r, struct error *err)
{
	int64_t id;
	enum result res = api_param_id(r, 0, &id, err);
	if (res == R_OK)
		res = store_relationship_delete(r->store, id, err);
	if (res == R_OK)
		api_reply_empty(r);
	return res;
}

enum result api_relationships_of_person(struct req *r, struct error *err)
{
	int64_t pid;
	struct person p;
	struct relationship *items = NULL;
	size_t n = 0;
	enum result res = api_param_id(r, 0, &pid, err);
	if (res == R_OK)
		res = store_person_get(r->store, r->arena, pid, &p, err);
	if (res == R_OK)
		res = store_relationship_list(r->store, r->arena, pid, &items,
					      &n, err);
	if (res != R_OK)
		return res;
	json_t *arr = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(arr,
				      codec_relationship_from(&items[i], pid));
	api_reply_list(r, arr, false, 0);
	return R_OK;
}

enum result api_reltypes_list(struct req *r, struct error *err)
{
	struct relationship_type *items = NULL;
	size_t n = 0;
	enum result res = store_reltype_list(r->store, r->arena, &items, &n,
					     err);
	if (res != R_OK)
		return res;
	json_t *arr = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(arr, codec_reltype(&items[i]));
	api_reply_list(r, arr, false, 0);
	return R_OK;
}

enum result api_reltypes_create(struct req *r, struct error *err)
{
	struct relationship_type t = {0};
	enum result res = api_syntax(
		r, codec_reltype_from_json(api_body(r), r->arena, &t, false,
					   err));
	if (res != R_OK)
		return res;
	/* Without an inverse the type reads the same both ways. */
	if (!t.inverse_label)
		t.inverse_label = t.label;
	res = validate_reltype(&t, err);
	if (res == R_OK)
		res = store_reltype_create(r->store, &t, err);
	if (res != R_OK)
		return res;
	api_reply_created(r, codec_reltype(&t),
			  "/api/v1/relationship-types/%lld", (long long)t.id);
	return R_OK;
}

enum result api_reltypes_delete(struct req *r, struct error *err)
{
	int64_t id;
	enum result res = api_param_id(r, 0, &id, err);
	if (res == R_OK)
		res = store_reltype_delete(r->store, id, err);
	if (res == R_OK)
		api_reply_empty(r);
	return res;
}
