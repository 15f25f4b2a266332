#ifndef EVSCAN_CLIBXML2_SHIM_H
#define EVSCAN_CLIBXML2_SHIM_H

#include <stdint.h>

/* libxml2 on this machine is built with ICU, so encoding.h pulls in the system ICU headers,
   whose UErrorCode clashes with Foundation's bundled ICU in any client that sees both modules.
   We never touch the ICU converter fields, so stand in for the two ICU names with types of the
   same layout and keep the system ICU headers out of this module. */
#define UCNV_H
struct evs_icu_converter;
#define UConverter struct evs_icu_converter
#define UChar uint16_t

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>

#undef UConverter
#undef UChar

#include <stdlib.h>
#include <string.h>

/* Swift 6 treats the `xmlFree` function pointer variable as unsafe global state. */
static inline void evs_free(void *pointer) { xmlFree(pointer); }

/* Diagnostics collected from libxml2's structured error channel, so libxml2 never prints. */
typedef struct evs_diagnostic {
  int level;  /* 1 warning, 2 error, 3 fatal */
  int line;
  int column;
  int domain;
  int code;
  char *message;
} evs_diagnostic;

typedef struct evs_diagnostics {
  evs_diagnostic *items;
  size_t count;
  size_t capacity;
  size_t dropped;
} evs_diagnostics;

#define EVS_MAX_DIAGNOSTICS 1000

static inline void evs_diagnostics_free(evs_diagnostics *list) {
  for (size_t i = 0; i < list->count; i++) free(list->items[i].message);
  free(list->items);
  list->items = NULL;
  list->count = 0;
  list->capacity = 0;
}

static inline void evs_record(evs_diagnostics *list, int level, int line, int column, int domain,
                              int code, const char *message) {
  if (list == NULL) return;
  if (list->count >= EVS_MAX_DIAGNOSTICS) {
    list->dropped++;
    return;
  }
  if (list->count == list->capacity) {
    size_t capacity = list->capacity == 0 ? 16 : list->capacity * 2;
    evs_diagnostic *items = (evs_diagnostic *)realloc(list->items, capacity * sizeof(evs_diagnostic));
    if (items == NULL) {
      list->dropped++;
      return;
    }
    list->items = items;
    list->capacity = capacity;
  }
  evs_diagnostic *item = &list->items[list->count++];
  item->level = level;
  item->line = line;
  item->column = column;
  item->domain = domain;
  item->code = code;
  item->message = strdup(message != NULL ? message : "unknown libxml2 error");
}

/* The callback's parameter became const in libxml2 2.12. */
#if LIBXML_VERSION >= 21200
static void evs_structured_error(void *context, const xmlError *error) {
#else
static void evs_structured_error(void *context, xmlErrorPtr error) {
#endif
  if (error == NULL) return;
  evs_record((evs_diagnostics *)context, (int)error->level, error->line, error->int2, error->domain,
             error->code, error->message);
}

static void evs_silent_generic_error(void *context, const char *message, ...) {
  (void)context;
  (void)message;
}

/* Exported by libxml2 but declared only in its private headers; it reports through the
   structured error channel like the parser's own loader does. */
void __xmlLoaderErr(void *context, const char *message, const char *filename);

/* Refuses every external entity, DTD and XInclude: documents never reach the file system or network. */
static xmlParserInputPtr evs_refuse_external_entity(const char *url, const char *id,
                                                    xmlParserCtxtPtr context) {
  (void)id;
  if (context != NULL) {
    __xmlLoaderErr(context, "refused to load external resource \"%s\"\n", url != NULL ? url : "(none)");
  }
  return NULL;
}

static inline void evs_initialize(void) {
  xmlInitParser();
  xmlSetExternalEntityLoader(evs_refuse_external_entity);
}

/* Error handlers are thread-local in libxml2; install them around each call that can report. */
static inline void evs_capture_begin(evs_diagnostics *list) {
  xmlSetGenericErrorFunc(NULL, evs_silent_generic_error);
  xmlSetStructuredErrorFunc(list, evs_structured_error);
}

static inline void evs_capture_end(void) {
  xmlSetStructuredErrorFunc(NULL, NULL);
}

static inline xmlDocPtr evs_read_html(const char *bytes, int size, const char *url, const char *encoding,
                                      int options, evs_diagnostics *list) {
  evs_capture_begin(list);
  htmlParserCtxtPtr context = htmlNewParserCtxt();
  xmlDocPtr document = NULL;
  if (context != NULL) {
    document = htmlCtxtReadMemory(context, bytes, size, url, encoding, options);
    htmlFreeParserCtxt(context);
  }
  evs_capture_end();
  return document;
}

static inline xmlDocPtr evs_read_xml(const char *bytes, int size, const char *url, const char *encoding,
                                     int options, evs_diagnostics *list) {
  evs_capture_begin(list);
  xmlParserCtxtPtr context = xmlNewParserCtxt();
  xmlDocPtr document = NULL;
  if (context != NULL) {
    document = xmlCtxtReadMemory(context, bytes, size, url, encoding, options);
    xmlFreeParserCtxt(context);
  }
  evs_capture_end();
  return document;
}

static inline xmlXPathCompExprPtr evs_xpath_compile(const char *expression, evs_diagnostics *list) {
  evs_capture_begin(list);
  xmlXPathCompExprPtr compiled = xmlXPathCompile((const xmlChar *)expression);
  evs_capture_end();
  return compiled;
}

static inline xmlXPathObjectPtr evs_xpath_eval(xmlXPathCompExprPtr compiled, xmlXPathContextPtr context,
                                               evs_diagnostics *list) {
  evs_capture_begin(list);
  xmlXPathObjectPtr result = xmlXPathCompiledEval(compiled, context);
  evs_capture_end();
  return result;
}

static inline int evs_nodeset_count(xmlXPathObjectPtr object) {
  if (object == NULL || object->type != XPATH_NODESET || object->nodesetval == NULL) return 0;
  return object->nodesetval->nodeNr;
}

static inline xmlNodePtr evs_nodeset_item(xmlXPathObjectPtr object, int index) {
  return object->nodesetval->nodeTab[index];
}

#endif
