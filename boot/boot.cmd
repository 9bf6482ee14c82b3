# Pagoda's U-Boot script; mkimage makes it boot.scr, which U-Boot's
# distro boot runs from the first partition that has one (devtype,
# devnum and distro_bootpart say which) or, as boot.scr.uimg, fetches
# by DHCP and TFTP (devtype "dhcp"): the files below then come by TFTP
# too. Kernel parameters go in uEnv.txt, as a line "bootargs=...".
if test "${devtype}" = "dhcp"; then
	setenv fetch tftpboot
else
	setenv fetch load ${devtype} ${devnum}:${distro_bootpart}
fi
if ${fetch} ${scriptaddr} uEnv.txt; then
	env import -t ${scriptaddr} ${filesize}
fi
echo "Pagoda: bootargs: ${bootargs}"
if test "${board}" = "rpi"; then
	# Debian's rpi_2 U-Boot cannot read a FIT: the raw image (bootz
	# reads its zImage header), the initramfs and the device tree
	${fetch} ${kernel_addr_r} kernel7.img
	${fetch} ${ramdisk_addr_r} initramfs.cpio
	setenv initrd_size ${filesize}
	${fetch} ${fdt_addr_r} rpi2.dtb
	bootz ${kernel_addr_r} ${ramdisk_addr_r}:${initrd_size} ${fdt_addr_r}
else
	# QEMU virt: the FIT, with the device tree QEMU made for U-Boot
	${fetch} ${kernel_addr_r} pagoda.itb
	bootm ${kernel_addr_r}:kernel ${kernel_addr_r}:ramdisk ${fdtcontroladdr}
fi
