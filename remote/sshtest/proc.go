package sshtest

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
)

// killTree SIGKILLs the descendants of pid (sshd's per-connection
// processes and their commands) and, if self, pid itself. It walks
// /proc because sshd does not put connections in a process group we own.
func killTree(pid int, self bool) {
	for _, child := range descendants(pid) {
		_ = syscall.Kill(child, syscall.SIGKILL)
	}
	if self {
		_ = syscall.Kill(pid, syscall.SIGKILL)
	}
}

// descendants lists every process below pid, parents before children.
func descendants(pid int) []int {
	parent := map[int][]int{}
	stats, _ := filepath.Glob("/proc/[0-9]*/stat")
	for _, f := range stats {
		data, err := os.ReadFile(f)
		if err != nil {
			continue
		}
		// The command name may contain spaces; fields resume after ')'.
		s := string(data)
		i := strings.LastIndexByte(s, ')')
		if i < 0 {
			continue
		}
		fields := strings.Fields(s[i+1:])
		if len(fields) < 2 {
			continue
		}
		ppid, err1 := strconv.Atoi(fields[1])
		me, err2 := strconv.Atoi(filepath.Base(filepath.Dir(f)))
		if err1 == nil && err2 == nil {
			parent[ppid] = append(parent[ppid], me)
		}
	}
	var out []int
	queue := []int{pid}
	for len(queue) > 0 {
		p := queue[0]
		queue = queue[1:]
		for _, c := range parent[p] {
			out = append(out, c)
			queue = append(queue, c)
		}
	}
	return out
}
