/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright hark authors
 *
 * The nRF52840 registers the nRF52840 DK's console and driver share (clock, GPIO port 0), from Nordic's nRF52840
 * Product Specification.
 */

#ifndef HARK_NRF52840_H
#define HARK_NRF52840_H

#include <stdint.h>

#include "hark_mmio.h"

#define CLOCK_BASE 0x40000000u
#define CLOCK_TASKS_HFCLKSTART HARK_REGISTER(CLOCK_BASE, 0x000u)
#define CLOCK_EVENTS_HFCLKSTARTED HARK_REGISTER(CLOCK_BASE, 0x100u)
#define CLOCK_HFCLKSTAT HARK_REGISTER(CLOCK_BASE, 0x40Cu)
#define CLOCK_HFCLKSTAT_RUNNING_XTAL ((1u << 16) | 1u) /* STATE running, SRC the crystal */

#define P0_BASE 0x50000000u
#define P0_OUT HARK_REGISTER(P0_BASE, 0x504u)
#define P0_OUTSET HARK_REGISTER(P0_BASE, 0x508u)
#define P0_DIRSET HARK_REGISTER(P0_BASE, 0x518u)

/** Starts the 64 MHz crystal oscillator (HFXO) as the high-frequency clock, once (console_nrf52840_dk.c). */
void nrf52840_clock_start(void);

#endif /* HARK_NRF52840_H */
