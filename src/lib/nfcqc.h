/* nfcqc.h: lookup of code points that cannot stand in NFC text unchanged (quick-check No or Maybe). */
#ifndef SX_NFCQC_H
#define SX_NFCQC_H

/* 1 when CP's NFC quick-check value is No or Maybe, else 0. */
int sx_nfc_suspect(unsigned cp);

#endif
