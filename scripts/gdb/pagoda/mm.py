# SPDX-License-Identifier: GPL-2.0
"""Memory views read from the allocators' own structures, in the formats
of the shell's /proc views: lx-slabinfo (slab_caches), lx-vmallocinfo
(vmap_area_list), lx-buddyinfo and lx-zoneinfo (contig_page_data's
zones), and lx-page (one struct page of mem_map, decoded)."""
import gdb

from pagoda import utils

VMALLOC_END = 0xFF800000
VM_IOREMAP, VM_ALLOC, VM_MAP = 1, 2, 4


class LxSlabinfo(gdb.Command):
    """Print the slab caches in /proc/slabinfo's format (the shell's slabinfo).

lx-slabinfo
Objects in use count those of CPU slabs, as Linux's /proc/slabinfo does."""

    def __init__(self):
        super().__init__('lx-slabinfo', gdb.COMMAND_DATA)

    @utils.kernel_view
    def invoke(self, arg, from_tty):
        gdb.write('slabinfo - version: 2.1\n')
        gdb.write('# name            <active_objs> <num_objs> <objsize> <objperslab> '
                  '<pagesperslab> : tunables <limit> <batchcount> <sharedfactor> '
                  ': slabdata <active_slabs> <num_slabs> <sharedavail>\n')
        for s in utils.list_for_each_entry(gdb.parse_and_eval('slab_caches'),
                                           'struct kmem_cache', 'list'):
            node = s['node']
            free = sum(int(p['objects']) - int(p['inuse']) for p in
                       utils.list_for_each_entry(node['partial'], 'struct page',
                                                 'slab_list'))
            total = utils.ulong(node['total_objects'])
            slabs = utils.ulong(node['nr_slabs'])
            gdb.write(f'{utils.c_string(s["name"]):<17} {total - free:6d} {total:6d} '
                      f'{int(s["size"]):6d} {int(s["objects"]):4d} '
                      f'{1 << int(s["order"]):4d} : tunables {0:4d} {0:4d} {0:4d} '
                      f': slabdata {slabs:6d} {slabs:6d} {0:6d}\n')


class LxVmallocinfo(gdb.Command):
    """Print the vmalloc areas in /proc/vmallocinfo's format.

lx-vmallocinfo"""

    def __init__(self):
        super().__init__('lx-vmallocinfo', gdb.COMMAND_DATA)

    @utils.kernel_view
    def invoke(self, arg, from_tty):
        vstart = utils.ulong(gdb.parse_and_eval('vmalloc_start'))
        for va in utils.list_for_each_entry(gdb.parse_and_eval('vmap_area_list'),
                                            'struct vmap_area', 'list'):
            v = va['vm']
            if not v:
                start, end = utils.ulong(va['va_start']), utils.ulong(va['va_end'])
                gdb.write(f'0x{start:08x}-0x{end:08x} {end - start:7d} unpurged vm_area\n')
                continue
            addr, size = utils.ulong(v['addr']), utils.ulong(v['size'])
            line = f'0x{addr:08x}-0x{addr + size:08x} {size:7d}'
            caller = utils.ulong(v['caller'])
            if caller:
                line += ' ' + (utils.ksym(caller) or f'{caller:08x}')
            if int(v['nr_pages']):
                line += f' pages={int(v["nr_pages"])}'
            if utils.ulong(v['phys_addr']):
                line += f' phys=0x{utils.ulong(v["phys_addr"]):08x}'
            flags = utils.ulong(v['flags'])
            line += ''.join(word for bit, word in ((VM_IOREMAP, ' ioremap'),
                                                   (VM_ALLOC, ' vmalloc'),
                                                   (VM_MAP, ' vmap')) if flags & bit)
            if vstart <= utils.ulong(v['pages']) < VMALLOC_END:
                line += ' vpages'
            gdb.write(line + '\n')


def zones():
    node = gdb.parse_and_eval('contig_page_data')
    count = node['node_zones'].type.range()[1] + 1
    return [node['node_zones'][i] for i in range(count)]


class LxBuddyinfo(gdb.Command):
    """Free blocks per order of each populated zone (/proc/buddyinfo), then,
with -t, per migrate type (the lists themselves counted).

lx-buddyinfo [-t]"""

    def __init__(self):
        super().__init__('lx-buddyinfo', gdb.COMMAND_DATA)

    @utils.kernel_view
    def invoke(self, arg, from_tty):
        by_type = arg.strip() == '-t'
        names = gdb.parse_and_eval('migratetype_names')
        for zone in zones():
            if not utils.ulong(zone['present_pages']):
                continue
            area = zone['free_area']
            orders = area.type.range()[1] + 1
            name = utils.c_string(zone['name'])
            gdb.write(f'Node 0, zone {name:>8s} ' + ''.join(
                f'{utils.ulong(area[o]["nr_free"]):6d} ' for o in range(orders)) + '\n')
            if not by_type:
                continue
            types = area[0]['free_list'].type.range()[1] + 1
            for mt in range(types):
                counts = [sum(1 for _ in utils.list_for_each_entry(
                    area[o]['free_list'][mt], 'struct page', 'lru')) for o in range(orders)]
                gdb.write(f'    {utils.c_string(names[mt]):>12s} ' +
                          ''.join(f'{c:6d} ' for c in counts) + '\n')


class LxZoneinfo(gdb.Command):
    """Each zone's free pages, watermarks, sizes, reserves and per-CPU
lists, in /proc/zoneinfo's format (the shell's zoneinfo).

lx-zoneinfo"""

    def __init__(self):
        super().__init__('lx-zoneinfo', gdb.COMMAND_DATA)

    @utils.kernel_view
    def invoke(self, arg, from_tty):
        ncpu = int(gdb.parse_and_eval('nr_cpu_ids'))
        for zone in zones():
            u = lambda f: utils.ulong(zone[f])
            wm = zone['_watermark']
            gdb.write(f'Node 0, zone {utils.c_string(zone["name"]):>8s}\n'
                      f'  pages free     {u("free_pages")}\n'
                      f'        min      {utils.ulong(wm[0])}\n'
                      f'        low      {utils.ulong(wm[1])}\n'
                      f'        high     {utils.ulong(wm[2])}\n'
                      f'        spanned  {u("spanned_pages")}\n'
                      f'        present  {u("present_pages")}\n'
                      f'        managed  {u("managed_pages")}\n')
            reserve = zone['lowmem_reserve']
            gdb.write('        protection: (' + ', '.join(
                str(utils.ulong(reserve[i])) for i in range(reserve.type.range()[1] + 1))
                + ')\n')
            if not u('present_pages'):
                continue
            gdb.write(f'      nr_free_pages {u("free_pages")}\n'
                      f'      nr_alloc_fail {u("alloc_fail")}\n  pagesets\n')
            for cpu in range(ncpu):
                pcp = zone['pcp'][cpu]
                gdb.write(f'    cpu: {cpu}\n              count: {int(pcp["count"])}\n'
                          f'              high:  {int(pcp["high"])}\n'
                          f'              batch: {int(pcp["batch"])}\n'
                          f'  vm stats threshold: {int(zone["stat_threshold"])}\n')
            gdb.write(f'  start_pfn:           {u("zone_start_pfn")}\n')


# ---- struct page -------------------------------------------------------------

def pfn_to_page(pfn):
    base = utils.ulong(gdb.parse_and_eval('mem_map_base_pfn'))
    top = utils.ulong(gdb.parse_and_eval('max_pfn'))
    if not base <= pfn < top:
        return None
    return gdb.parse_and_eval('mem_map') + (pfn - base)


def flag_names(flags):
    """The named PG_* bits set in a page's flags word (enum pageflags)."""
    enum = utils.lookup_type('enum pageflags')
    names = []
    for field in enum.fields():
        if field.name != 'NR_PAGEFLAGS' and flags & (1 << field.enumval):
            names.append(field.name[3:])
    return names


def describe_page(pfn):
    """Lines decoding the struct page of frame @pfn."""
    page = pfn_to_page(pfn)
    if page is None:
        return [f'pfn {pfn:#x}: no struct page (outside mem_map)']
    flags = utils.ulong(page['flags'])
    zone_names = gdb.parse_and_eval('zone_names')
    zone = utils.c_string(zone_names[flags >> utils.ZONES_SHIFT])
    order = (flags & utils.PAGE_ORDER_MASK) >> utils.PAGE_ORDER_SHIFT
    named = flag_names(flags & ((1 << utils.PAGE_ORDER_SHIFT) - 1))
    lines = [f'page {utils.ulong(page):08x}  pfn 0x{pfn:05x}  phys 0x{pfn << utils.PAGE_SHIFT:08x}'
             f'  zone {zone}',
             f'  flags 0x{flags:08x}: {"|".join(named) or "none"}'
             + (f', allocation order {order - 1}' if order else ''),
             f'  refcount {int(page["_refcount"]["counter"])}  mapcount {int(page["_mapcount"]["counter"]) + 1}']
    head = utils.ulong(page['compound_head'])
    if head & 1:
        lines.append(f'  tail page of the block at struct page {head - 1:08x}')
    elif 'slab' in named:
        cache = page['slab_cache']
        lines.append(f'  slab of {utils.c_string(cache["name"])}: inuse {int(page["inuse"])}'
                     f' of {int(page["objects"])} objects, freelist '
                     f'{utils.ulong(page["freelist"]):08x}'
                     f'{", frozen (a CPU slab)" if int(page["frozen"]) else ""}')
    elif 'buddy' in named:
        lines.append(f'  free in the buddy allocator: a block of order '
                     f'{utils.ulong(page["private"])}')
    elif int(page['_mapcount']['counter']) >= 0:
        lines.append(f'  mapped: mapping {utils.ulong(page["mapping"]):08x} '
                     f'index {utils.ulong(page["index"]):#x}')
    return lines


class LxPage(gdb.Command):
    """Decode a struct page: flags named, zone, order, counts and what its
union holds (buddy order, slab cache, mapping).

lx-page PFN | lx-page ADDR
A value at or above PAGE_OFFSET (0xc0000000) is a kernel direct-map
address; below it, a page frame number."""

    def __init__(self):
        super().__init__('lx-page', gdb.COMMAND_DATA)

    @utils.kernel_view
    def invoke(self, arg, from_tty):
        if not arg.strip():
            raise gdb.GdbError('usage: lx-page PFN|ADDR')
        value = utils.to_int(arg)
        pfn = utils.pa(value) >> utils.PAGE_SHIFT if value >= utils.PAGE_OFFSET else value
        for line in describe_page(pfn):
            gdb.write(line + '\n')


LxSlabinfo()
LxVmallocinfo()
LxBuddyinfo()
LxZoneinfo()
LxPage()
