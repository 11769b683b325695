/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright hark authors
 *
 * What every board driver uses to reach its peripherals: a memory-mapped register by base and offset, and the
 * core's interrupt controller (the NVIC, the same on every Cortex-M). Register names and addresses of the
 * peripherals themselves are each driver's, from its microcontroller's reference manual.
 */

#ifndef HARK_MMIO_H
#define HARK_MMIO_H

#include <stdint.h>

/** The 32-bit register at base + offset. */
#define HARK_REGISTER(base, offset) (*(volatile uint32_t *)((uintptr_t)(base) + (uintptr_t)(offset)))

/** NVIC interrupt set-enable registers (Armv6-M and Armv7-M: one bit per external interrupt, 32 a register). */
#define HARK_NVIC_ISER(n) HARK_REGISTER(0xE000E100u, 4u * (n))

/** Enables external interrupt `irq` in the NVIC (its priority stays the reset's, the highest). */
static inline void hark_nvic_enable(uint32_t irq)
{
    HARK_NVIC_ISER(irq / 32u) = 1u << (irq % 32u);
}

#endif /* HARK_MMIO_H */
