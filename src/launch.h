/* launch.h - starting the variants. */
#ifndef MVEE_LAUNCH_H
#define MVEE_LAUNCH_H

const char *launch_resolve(const char *prog);
void launch_variants(void);

#endif
