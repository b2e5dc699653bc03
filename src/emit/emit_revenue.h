/*
 * emit_revenue.h - revenue retention in every format (internal); the
 * whole report is rt_emit_revenue() (retain.h).
 */
#ifndef RETAIN_EMIT_REVENUE_H
#define RETAIN_EMIT_REVENUE_H

#include "retain.h"
#include "sink.h"

/* Writes one revenue figure as JSON: a number, or the warnings array. */
void rt_emit_json_revenue_value(struct rt_sink *sink,
                                const struct rt_revenue_figures *figures,
                                enum rt_revenue_field field);

#endif
