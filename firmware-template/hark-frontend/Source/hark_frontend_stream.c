/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright hark authors
 *
 * hark front end: framing of a stream (StreamingFrontend in Java). See hark_frontend.h.
 *
 * The window holds the next frame's 400 samples, [0, filled) of them arrived; it starts with the 200 padding zeros.
 * A full window is a frame; then the window moves on by one hop (160 samples) and keeps the other 240.
 */

#include <string.h>

#include "hark_frontend.h"

/* Computes the frame of the whole window and moves the window on by one hop; the caller lowers `filled`. */
static void emit_frame(hark_frontend_state *state, int8_t features[HARK_FRONTEND_MEL_BINS])
{
    hark_frontend_compute_frame(&state->scratch, state->window, features);
    memmove(state->window, state->window + HARK_FRONTEND_HOP_SAMPLES,
            (HARK_FRONTEND_WINDOW_SAMPLES - HARK_FRONTEND_HOP_SAMPLES) * sizeof(state->window[0]));
}

void hark_frontend_init(hark_frontend_state *state)
{
    memset(state->window, 0, sizeof(state->window));
    state->filled = HARK_FRONTEND_PAD_SAMPLES;
    state->has_audio = false;
}

bool hark_frontend_push(hark_frontend_state *state, hark_frontend_pcm *pcm, int8_t features[HARK_FRONTEND_MEL_BINS])
{
    if (pcm->count == 0)
    {
        return false;
    }
    /* What the window still lacks, or all that is left: afterwards the window is full or the samples are gone. */
    size_t take = HARK_FRONTEND_WINDOW_SAMPLES - state->filled;
    if (take > pcm->count)
    {
        take = pcm->count;
    }
    memcpy(state->window + state->filled, pcm->samples, take * sizeof(state->window[0]));
    state->filled += take;
    state->has_audio = true;
    pcm->samples += take;
    pcm->count -= take;
    if (state->filled < HARK_FRONTEND_WINDOW_SAMPLES)
    {
        return false;
    }
    emit_frame(state, features);
    state->filled -= HARK_FRONTEND_HOP_SAMPLES;
    return true;
}

bool hark_frontend_finish(hark_frontend_state *state, int8_t features[HARK_FRONTEND_MEL_BINS])
{
    /*
     * The clip has another frame while that frame's center, window[200], is one of its samples or the position
     * right after the last one (the clip framing centers its last frame there when the length is a multiple of
     * 160). Zeros stand in for what did not arrive.
     */
    if (state->has_audio && state->filled >= HARK_FRONTEND_PAD_SAMPLES)
    {
        memset(state->window + state->filled, 0,
               (HARK_FRONTEND_WINDOW_SAMPLES - state->filled) * sizeof(state->window[0]));
        emit_frame(state, features);
        state->filled -= HARK_FRONTEND_HOP_SAMPLES;
        return true;
    }
    hark_frontend_init(state);
    return false;
}
