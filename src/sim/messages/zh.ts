/** 简体中文的旁白、发现与崩溃消息，按 id 索引。`{n}` 是第 n 个参数。 */
export const zh: Record<string, string> = {
  'step.start': '程序启动：运行时已初始化 GC，并加载了 {0}。',
  'step.end': '程序结束。',
  'step.gc-mark': '垃圾回收开始：在栈、寄存器和静态数据里寻找任何看起来指向 {0} 个 GC 对象之一的值。',
  'step.gc-sweep': '标记完成：{0} 个对象可达；其余未标记的对象全部被回收。',
  'crash.segv': '段错误：在 {0} 处{1}，这个地址没有任何映射。',
  'crash.stack-overflow': '栈溢出：栈指针到达 {0}，也就是栈下方的保护页。',
  'crash.segv-null-gc-heap':
    '段错误：在 {0} 处{1}。一次 {2} 字节的 GC 分配返回了 NULL：模拟的 GC 堆已满（4 MiB，这是本模拟器的内存预算）。Codon 的运行时不检查 GC_MALLOC 的结果就直接交出，于是程序用了这个空指针。',
  'crash.segv-null-c-heap':
    '段错误：在 {0} 处{1}。malloc({2}) 返回了 NULL：模拟的 C 堆已满（4 MiB，这是本模拟器的内存预算），而程序没有检查就用了这个空指针。',
  'crash.bad-alloc':
    'terminate called after throwing an instance of ‘std::bad_alloc’：new 拿不到 {0} 字节（模拟的 C 堆只有 4 MiB，这是本模拟器的内存预算）。没有代码捕获这个异常，于是 std::terminate 中止了程序。',
  'crash.free-invalid-pointer':
    'free(): invalid pointer：{0} 不是 malloc 分配出去的块的起始地址，glibc 中止程序。',
  'crash.double-free': 'free(): double free detected：{0} 处的块已经被释放过，glibc 中止程序。',
  'crash.free-invalid-size':
    'free(): invalid size：{0} 前面的块头现在是 {1}，不是 malloc 写下的大小，glibc 中止程序。',
  'crash.free-corrupted-next':
    'double free or corruption：{0} 之后下一个块的块头变成了 {1}，有人越界写过了这个块的末尾，glibc 中止程序。',
  'finding.stray-write.result-slot':
    '野写：被调用方通过隐藏指针写入返回值，可那里并没有返回值槽位，{1} 个字节落在 {0}，压在了 {2} 上。',
  'finding.stray-write.dead':
    '野写：通过指向 {3} 的指针写入，而 {3} 的生命周期已经结束，写入落在 {0}，压在了 {2} 上。',
  'finding.stray-write.outside': '野写：本该写进 {3} 的数据落到了它外面的 {0}，压在了 {2} 上。',
  'finding.use-after-free.write': '{0} 已被释放，之后又被写入。',
  'finding.use-after-free.read': '{0} 已被释放，之后又被读取。',
  'finding.dangling-read': '通过悬空指针读取：{0} 已经不存在了，读到的是它残留的旧字节。',
  'finding.gc-unrooted': '读取了已被垃圾回收器回收的 {0}：指向它的唯一指针存放在回收器不扫描的内存里。',
  'finding.uninitialized-read': '在写入任何值之前就读取了 {0}：读到的是那块内存原来留下的内容。',
  'finding.double-free': '{0} 被第二次释放。',
  'finding.leak': '{0} 从未被释放：程序结束时它仍然处于已分配状态。',
  'step.assign': '{0} = {1}',
  'step.exit': '库调用了 exit({0})：程序结束。',
  'step.limit': '运行在 {0} 步后停止（步数上限）：可能是死循环，或运行比上限更长。',
  'codon.assign': '{0} = {1}',
  'codon.expr': '{0}',
  'codon.pass': 'pass：什么也不做。',
  'codon.break': 'break：跳出循环。',
  'codon.continue': 'continue：进入下一次迭代。',
  'codon.return': '{0} 返回 {1}。',
  'codon.return-to': '{0} 返回到 {1}；它的栈帧结束。',
  'codon.if': 'if {0}：{1}。',
  'codon.while': 'while {0}：{1}。',
  'codon.for-start': '开始遍历 {0}。',
  'codon.for': '循环：{0} = {1}。',
  'codon.for-end': '对 {0} 的循环结束。',
  'codon.import-static': 'from C import {0}：由链接器解析符号 {0}。',
  'codon.import-dynamic': 'from C import：Codon 打开 {1}，用 dlsym 查找符号“{0}”。',
  'codon.print': 'print 向标准输出写入 {0}。',
  'codon.call': '调用 {0}（{1} 个参数）：栈上多了一个新栈帧。',
  'cpp.enter': '{0} 开始执行（由 {1} 调用）：保存调用者的帧指针，并为局部变量腾出空间。',
  'cpp.leave': '{0} 返回到 {1}。',
  'cpp.back': '{0} 执行完毕，回到 {1}。',
  'cpp.stmt': '{0}',
  'cpp.declare': '{0}',
  'cpp.declare-nrvo':
    '{0} 是具名返回值：g++ 直接把它构造在返回值槽里，这个槽的地址由 {2} 传进来，也就是 {1}。',
  'cpp.static-local': '{0}（静态局部变量：位于库的静态数据区，只初始化一次）。',
  'cpp.if': 'if ({0})：{1}。',
  'cpp.loop-again': 'for (;;) 没有条件：循环再转一圈。',
  'cpp.loop-test': '循环条件 {0}：{1}。',
  'cpp.return': '{0}',
  'cpp.return-memory': '返回值已经在 {0} 处的内存里了（也就是 {1} 传进来的地址）。',
  'cpp.return-reg': '返回值 {0} 放在 {1} 里带回去。',
  'boundary.call': 'Codon 跨越边界调用 {0}。Codon 以为：{1}。库里实际是：{2}。',
  'boundary.return': '{0} 已返回；Codon 按它的声明，从 {1} 读取结果。',
  'finding.abi-mismatch': '在对 {0} 的调用中，Codon 和库对值经由哪里传递的看法不一致：{1}。',
  'finding.type-mismatch':
    '在对 {0} 的调用中，Codon 和库对值经由哪里传递看法一致，但对这些比特的含义看法不同：{1}。',
  'crash.abort': 'abort()：程序以 SIGABRT 自行终止。',
  'crash.divide-by-zero': '{0} 中出现整数除以零：CPU 触发 SIGFPE。',
  'crash.out-of-range': '未捕获的 std::out_of_range（{0}）：std::terminate 调用 abort()。',
  'codon.assign-start': '{0} = {1}：先计算右边。',
  'cpp.store': '{0} 把 {1} 存到 {2}，也就是 {3} 里。',
  'boundary.call-leftover.zero':
    'Codon 跨越边界调用 {0}。Codon 以为：{1}。库里实际是：{2}。这次调用没有人设置 {3}：启动代码留下的是 0，也就是空指针。',
  'boundary.call-leftover.runtime-data':
    'Codon 跨越边界调用 {0}。Codon 以为：{1}。库里实际是：{2}。这次调用没有人设置 {3}：它里面还是 {4}，也就是运行时可写数据里 {5} 的地址。',
  'boundary.call-leftover.gc-object':
    'Codon 跨越边界调用 {0}。Codon 以为：{1}。库里实际是：{2}。这次调用没有人设置 {3}：它里面还是 {4}，也就是活着的 Codon 对象 {5} 的地址。',
  'boundary.call-leftover.stale-stack':
    'Codon 跨越边界调用 {0}。Codon 以为：{1}。库里实际是：{2}。这次调用没有人设置 {3}：它里面还是 {4}，一个比栈指针低 1,360 字节的地址，落在已经失效的栈帧里（glibc 的 printf 把它的工作缓冲区留在那里）。',
  'finding.abi-coincidence':
    '{0} 的两份声明并不一致（Codon：{1}；库：{2}），但在这个目标平台上这次调用碰巧能用：Codon 的第一个参数放在 {3} 里，正是被调函数等待结果地址的地方，被调函数又把这个地址放在 {4} 里返回，而 Codon 恰好从那里读取结果。两份声明都没有保证这一点；按照这两份声明，这次调用的行为是未定义的。在 AArch64 上隐藏指针走的是 x8，而不是第一个参数寄存器，所以那里什么都对不上：切换目标平台就能看到。',
  'runtime.print-deadlock':
    'print 在等 stdout 的锁（{0}）：锁字的值是 {1}，持有者 {2} 不是本线程，于是 glibc 在 futex_wait 里等待一个永远不会释放它的持有者。真实的程序会在这里卡死。',
};
