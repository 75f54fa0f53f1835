package io.aipulse.extract;

/** Financing rounds of the contract. */
public enum Round {
    SEED, ANGEL, PRE_A, A, A_PLUS, PRE_B, B, B_PLUS, C, D, E, STRATEGIC, PRE_IPO, UNDISCLOSED
}
