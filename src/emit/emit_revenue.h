/*
 * emit_revenue.h - revenue retention in every format (internal); the
 * whole report is rt_emit_revenue() (retain.h), one figure alone is
 * rt_emit_field() over rt_revenue_fields (field.h).
 */
#ifndef RETAIN_EMIT_REVENUE_H
#define RETAIN_EMIT_REVENUE_H

#include "retain.h"

#endif
