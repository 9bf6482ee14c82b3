// SPDX-License-Identifier: GPL-2.0
/*
 * The Undefined Behaviour Sanitizer's runtime for the kernel (`make
 * UBSAN=1`): the compiler checks shifts, array bounds, divisions,
 * unreachable code and bool/enum loads, and calls these handlers when a
 * check fails. Each prints a report in Linux's format, with the place in
 * the source and a backtrace, and the kernel goes on (as Linux's UBSAN
 * does without panic_on_warn). The structures are the compiler's (GCC's
 * type names come with their quotes).
 */
#include <linux/kernel.h>
#include <linux/panic.h>
#include <linux/printk.h>
#include <linux/ubsan.h>

struct source_location {
	const char *file;
	u32 line;
	u32 column;
};

struct type_descriptor {
	u16 type_kind;		/* 0: integer, 1: float */
	u16 type_info;		/* integer: bit 0 signed, width = 1 << (info >> 1) */
	char type_name[];
};

struct shift_out_of_bounds_data {
	struct source_location location;
	struct type_descriptor *lhs_type;
	struct type_descriptor *rhs_type;
};

struct out_of_bounds_data {
	struct source_location location;
	struct type_descriptor *array_type;
	struct type_descriptor *index_type;
};

struct overflow_data {
	struct source_location location;
	struct type_descriptor *type;
};

struct unreachable_data {
	struct source_location location;
};

struct invalid_value_data {
	struct source_location location;
	struct type_descriptor *type;
};

unsigned long ubsan_reports;

static bool type_is_signed(const struct type_descriptor *type)
{
	return type->type_kind == 0 && (type->type_info & 1);
}

static unsigned int type_bits(const struct type_descriptor *type)
{
	return 1U << (type->type_info >> 1);
}

/* The value of a handler's argument: inline when it fits a pointer, else pointed to. */
static long long value_of(const struct type_descriptor *type, void *val)
{
	unsigned int bits = type_bits(type);

	if (bits <= sizeof(void *) * 8) {
		unsigned long v = (unsigned long)val;

		if (type_is_signed(type) && bits < sizeof(long) * 8 && (v & (1UL << (bits - 1))))
			v |= ~0UL << bits;
		return type_is_signed(type) ? (long long)(long)v : (long long)v;
	}
	return *(long long *)val;
}

static void ubsan_prologue(const struct source_location *loc, const char *reason)
{
	ubsan_reports++;
	pr_err("================================================================================\n");
	pr_err("UBSAN: %s in %s:%u:%u\n", reason, loc->file, loc->line, loc->column);
}

static void ubsan_epilogue(void)
{
	dump_stack();
	pr_err("================================================================================\n");
}

void __ubsan_handle_shift_out_of_bounds(void *_data, void *lhs, void *rhs)
{
	struct shift_out_of_bounds_data *data = _data;
	long long l = value_of(data->lhs_type, lhs), r = value_of(data->rhs_type, rhs);

	ubsan_prologue(&data->location, "shift-out-of-bounds");
	if (type_is_signed(data->rhs_type) && r < 0)
		pr_err("shift exponent %lld is negative\n", r);
	else if ((unsigned long long)r >= type_bits(data->lhs_type))
		pr_err("shift exponent %lld is too large for %u-bit type %s\n", r,
		       type_bits(data->lhs_type), data->lhs_type->type_name);
	else if (type_is_signed(data->lhs_type) && l < 0)
		pr_err("left shift of negative value %lld\n", l);
	else
		pr_err("left shift of %lld by %lld places cannot be represented in type %s\n",
		       l, r, data->lhs_type->type_name);
	ubsan_epilogue();
}

void __ubsan_handle_out_of_bounds(void *_data, void *index)
{
	struct out_of_bounds_data *data = _data;

	ubsan_prologue(&data->location, "array-index-out-of-bounds");
	pr_err("index %lld is out of range for type %s\n",
	       value_of(data->index_type, index), data->array_type->type_name);
	ubsan_epilogue();
}

void __ubsan_handle_divrem_overflow(void *_data, void *lhs, void *rhs)
{
	struct overflow_data *data = _data;

	ubsan_prologue(&data->location, "division-overflow");
	if (value_of(data->type, rhs) == 0)
		pr_err("division by zero\n");
	else
		pr_err("division of %lld by -1 cannot be represented in type %s\n",
		       value_of(data->type, lhs), data->type->type_name);
	ubsan_epilogue();
}

void __ubsan_handle_builtin_unreachable(void *_data)
{
	struct unreachable_data *data = _data;

	ubsan_prologue(&data->location, "unreachable");
	pr_err("calling __builtin_unreachable()\n");
	ubsan_epilogue();
	panic("can't return from __builtin_unreachable()");
}

void __ubsan_handle_load_invalid_value(void *_data, void *val)
{
	struct invalid_value_data *data = _data;

	ubsan_prologue(&data->location, "invalid-load");
	pr_err("load of value %lld is not a valid value for type %s\n",
	       value_of(data->type, val), data->type->type_name);
	ubsan_epilogue();
}
