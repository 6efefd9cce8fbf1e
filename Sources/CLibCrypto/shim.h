#ifndef MINUTES_CLIBCRYPTO_SHIM_H
#define MINUTES_CLIBCRYPTO_SHIM_H

/* OpenSSL's libcrypto, for the SHA-256 of every input (provenance and the index's change detection). */
#include <openssl/sha.h>
#include <openssl/evp.h>

#endif
