// Fixed-signature wrappers around libcurl's variadic and macro API, callable from Swift.
// No logic lives here: each function forwards to the libcurl call it names.
// Memory: the handle and any pointer passed belong to the caller; libcurl copies strings
// given to CURLOPT_* string options (since 7.17.0), so the caller may free them afterwards.
// Threads: a handle may be used by one thread at a time.
#ifndef PROVSTAT_CCURLSHIM_H
#define PROVSTAT_CCURLSHIM_H

#include <curl/curl.h>

typedef size_t (*provstat_curl_data_callback)(char *data, size_t size, size_t count, void *userdata);
typedef int (*provstat_curl_progress_callback)(void *userdata, curl_off_t dltotal, curl_off_t dlnow,
                                               curl_off_t ultotal, curl_off_t ulnow);

CURLcode provstat_curl_setopt_long(CURL *handle, CURLoption option, long value);
CURLcode provstat_curl_setopt_off(CURL *handle, CURLoption option, curl_off_t value);
CURLcode provstat_curl_setopt_string(CURL *handle, CURLoption option, const char *value);
CURLcode provstat_curl_setopt_pointer(CURL *handle, CURLoption option, void *value);
CURLcode provstat_curl_setopt_slist(CURL *handle, CURLoption option, struct curl_slist *value);
CURLcode provstat_curl_setopt_data_callback(CURL *handle, CURLoption option, provstat_curl_data_callback value);
CURLcode provstat_curl_setopt_progress_callback(CURL *handle, provstat_curl_progress_callback value);

CURLcode provstat_curl_getinfo_long(CURL *handle, CURLINFO info, long *value);
CURLcode provstat_curl_getinfo_off(CURL *handle, CURLINFO info, curl_off_t *value);
CURLcode provstat_curl_getinfo_string(CURL *handle, CURLINFO info, const char **value);

CURLMcode provstat_curl_multi_setopt_long(CURLM *multi, CURLMoption option, long value);

#endif
