/*
 * model.c: names of the domain enums, both ways (core layer).
 */
#include "model.h"

#include <string.h>

static const char *const fact_names[FACT_KIND_COUNT] = {
	"like", "dislike", "passion", "family",
	"pet", "food", "milestone", "other"};
static const char *const contact_names[CONTACT_KIND_COUNT] = {
	"email", "phone", "address", "link"};
static const char *const date_names[DATE_KIND_COUNT] = {
	"birthday", "anniversary", "custom"};
static const char *const interaction_names[INTERACTION_KIND_COUNT] = {
	"call", "meeting", "email", "message", "note", "gift", "help", "ask"};

static int model_find(const char *const *names, int n, const char *s)
{
	if (!s)
		return -1;
	for (int i = 0; i < n; i++)
		if (strcmp(names[i], s) == 0)
			return i;
	return -1;
}

const char *fact_kind_name(enum fact_kind k)
{
	return (unsigned)k < FACT_KIND_COUNT ? fact_names[k] : "other";
}

const char *contact_kind_name(enum contact_kind k)
{
	return (unsigned)k < CONTACT_KIND_COUNT ? contact_names[k] : "link";
}

const char *date_kind_name(enum date_kind k)
{
	return (unsigned)k < DATE_KIND_COUNT ? date_names[k] : "custom";
}

const char *interaction_kind_name(enum interaction_kind k)
{
	return (unsigned)k < INTERACTION_KIND_COUNT ? interaction_names[k]
						    : "note";
}

bool fact_kind_parse(const char *s, enum fact_kind *out)
{
	int i = model_find(fact_names, FACT_KIND_COUNT, s);
	if (i < 0)
		return false;
	*out = (enum fact_kind)i;
	return true;
}

bool contact_kind_parse(const char *s, enum contact_kind *out)
{
	int i = model_find(contact_names, CONTACT_KIND_COUNT, s);
	if (i < 0)
		return false;
	*out = (enum contact_kind)i;
	return true;
}

bool date_kind_parse(const char *s, enum date_kind *out)
{
	int i = model_find(date_names, DATE_KIND_COUNT, s);
	if (i < 0)
		return false;
	*out = (enum date_kind)i;
	return true;
}

bool interaction_kind_parse(const char *s, enum interaction_kind *out)
{
	int i = model_find(interaction_names, INTERACTION_KIND_COUNT, s);
	if (i < 0)
		return false;
	*out = (enum interaction_kind)i;
	return true;
}

const char *fact_kind_list(void)
{
	return "like, dislike, passion, family, pet, food, milestone, other";
}

const char *contact_kind_list(void)
{
	return "email, phone, address, link";
}

const char *date_kind_list(void)
{
	return "birthday, anniversary, custom";
}

const char *interaction_kind_list(void)
{
	return "call, meeting, email, message, note, gift, help, ask";
}
