/*
 * store_sqlite.c: the SQLite driver behind store.h (store layer).
 * Placeholder until the store lands; see issue 2.
 */
#include "store/store.h"

int store_schema_latest(void)
{
	return 0;
}
