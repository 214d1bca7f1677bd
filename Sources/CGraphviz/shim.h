#ifndef KG_CGRAPHVIZ_SHIM_H
#define KG_CGRAPHVIZ_SHIM_H
#include <stddef.h>
#include <graphviz/graphviz_version.h>
#include <graphviz/gvc.h>
#include <graphviz/cgraph.h>

/* Graphviz changed the length argument of gvRenderData from `unsigned int *` (Debian 12 ships
   2.42/2.43) to `size_t *` (Graphviz 13). Older releases do not define GRAPHVIZ_VERSION_MAJOR.
   Swift calls this helper, which always reports the length as a size_t. */
#if defined(GRAPHVIZ_VERSION_MAJOR) && GRAPHVIZ_VERSION_MAJOR >= 13
typedef size_t kg_gv_render_length;
#else
typedef unsigned int kg_gv_render_length;
#endif

static inline int kg_gvRenderData(GVC_t *gvc, graph_t *g, const char *format, char **result, size_t *length) {
  kg_gv_render_length n = 0;
  int status = gvRenderData(gvc, g, format, result, &n);
  *length = (size_t)n;
  return status;
}

#endif
