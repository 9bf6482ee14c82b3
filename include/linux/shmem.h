/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_SHMEM_H
#define _LINUX_SHMEM_H

struct shmem_object;
struct vm_area_struct;
struct page;

struct shmem_object *shmem_create(unsigned long nr_pages, unsigned long base_pgoff);
void shmem_get(struct shmem_object *obj);
void shmem_put(struct shmem_object *obj);
/*
 * The object's page for @vma's @addr in *@pagep: 0, -ENOMEM, or -EINVAL
 * past the object's end (the size it was created with: a mapping grown
 * by mremap reaches past it, and a touch there is SIGBUS).
 */
int shmem_page(struct vm_area_struct *vma, unsigned long addr, struct page **pagep);

#endif
